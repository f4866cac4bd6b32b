import { randomUUID } from 'node:crypto';
import type { SealKind, SealState } from '@seal/shared';
import type { SealService } from '../src/adapters/dynamodb/service';

/** Puts a company and one seal per kind given, straight into the table (arrange step of tests). */
export async function seedCompanyWithSeals(
  db: SealService,
  options: { companyId?: string; kinds?: SealKind[]; state?: SealState; legalRepPersonId?: string } = {},
) {
  const companyId = options.companyId ?? '914403001922038216';
  const now = new Date().toISOString();
  await db.entities.company
    .put({
      companyId,
      name: '深圳市测试科技有限公司',
      type: 'domestic',
      legalRepName: '张三',
      legalRepPersonId: options.legalRepPersonId ?? 'person-lr',
      registeredOn: '2020-01-01',
    })
    .go();
  const seals = [];
  for (const kind of options.kinds ?? ['company_name']) {
    const sealId = `seal-${randomUUID()}`;
    await db.entities.seal
      .create({ sealId, companyId, kind, name: kind, state: options.state ?? 'active', createdAt: now, updatedAt: now })
      .go();
    seals.push(sealId);
  }
  return { companyId, sealIds: seals };
}
