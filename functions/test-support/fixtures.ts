import { randomUUID } from 'node:crypto';
import type { SealKind, SealState } from '@seal/shared';
import type { SealStore } from '../src/ports/seal-store';
import { testTable } from '../src/adapters/dynamodb/test-table';

/** Puts a company and one seal per kind given, straight into the table (arrange step of tests). */
export async function seedCompanyWithSeals(
  store: SealStore,
  options: { companyId?: string; kinds?: SealKind[]; state?: SealState; legalRepPersonId?: string } = {},
) {
  const companyId = options.companyId ?? '914403001922038216';
  const now = new Date().toISOString();
  const table = testTable(store);
  await table.put('company', {
    companyId,
    name: '深圳市测试科技有限公司',
    type: 'domestic',
    legalRepName: '张三',
    legalRepPersonId: options.legalRepPersonId ?? 'person-lr',
    registeredOn: '2020-01-01',
  });
  const seals = [];
  for (const kind of options.kinds ?? ['company_name']) {
    const sealId = `seal-${randomUUID()}`;
    await table.put('seal', { sealId, companyId, kind, name: kind, state: options.state ?? 'active', createdAt: now, updatedAt: now });
    seals.push(sealId);
  }
  return { companyId, sealIds: seals };
}
