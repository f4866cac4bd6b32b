import { createHash } from 'node:crypto';
import { DomainError, LEGAL_REPRESENTATIVE_ONLY, authorize, type Action, type Actor, type applicationDto } from '@seal/shared';
import type { Ports } from '../../ports';
import { loadCompany, type CompanyRecord } from '../company/company-lookup';
import { newReference } from './reference-number';
import { readSealImage } from './seal-image';
import { checkTargets } from './check-targets';
import { bilingualNameRefusal } from './window-rules';
import type { StoredPayload, StoredRequest } from './payload';

type Request = applicationDto.WindowApplicationRequest;

/** Which row of the permission matrix a window application of each kind answers to. */
export function submitActionFor(kind: Request['kind']): Action {
  switch (kind) {
    case 'cancel_authorization':
      return 'window.cancel_authorization';
    case 'system_integration':
      return 'integration.apply';
    case 'custom_seal':
      return 'custom_seal.apply';
    default:
      return 'window.submit';
  }
}

function refusal(action: Action): DomainError {
  // The guide: 窗口取消授权业务需法定代表人本人办理.
  return action === 'window.cancel_authorization' ? new DomainError('NOT_AUTHORIZED', LEGAL_REPRESENTATIVE_ONLY) : new DomainError('NOT_AUTHORIZED');
}

async function storeSealImage(services: Ports, applicationId: string, base64: string): Promise<NonNullable<StoredPayload['image']>> {
  const image = readSealImage(base64);
  const key = `applications/${applicationId}/seal-image.${image.extension}`;
  await services.blobs.put(key, image.bytes, { contentType: image.contentType });
  return { key, contentType: image.contentType, sha256: createHash('sha256').update(image.bytes).digest('hex'), size: image.bytes.length };
}

/**
 * 窗口办理: validates the form against the registry copy and the current seals and grants, stores
 * it as a submitted Application (with its audit event) and returns it; the applicant then downloads
 * the 申请表 and brings it to the window.
 */
export async function submitWindowApplication(
  services: Ports,
  input: {
    personId: string;
    actor: () => Promise<Actor>;
    request: Request;
    /** A correction of a rejected application: it is marked resubmitted in the same transaction. */
    resubmits?: { applicationId: string; version: number };
  },
): Promise<{ applicationId: string; company: CompanyRecord }> {
  const { store } = services;
  const now = services.now();
  const { request } = input;
  const company = await loadCompany(services, request.company.creditCode);
  if (company.name !== request.company.name) throw new DomainError('VALIDATION_FAILED', '企业名称与统一社会信用代码不一致，请按营业执照填写', [{ path: 'company.name', message: '企业名称与营业执照不一致' }]);
  const action = submitActionFor(request.kind);
  const decision = authorize(await input.actor(), action, { companyId: company.companyId });
  if (!decision.allowed) throw refusal(action);
  if (request.kind === 'custom_seal' && company.integration !== 'approved') throw new DomainError('INTEGRATION_REQUIRED');
  if (request.kind === 'system_integration' && company.integration === 'approved') throw new DomainError('ALREADY_EXISTS', '该商事主体已完成系统接入');
  if (request.kind === 'apply') {
    const refusal = bilingualNameRefusal({ type: company.type, bilingualName: request.bilingualName, kinds: request.kinds });
    if (refusal) throw new DomainError('VALIDATION_FAILED', refusal, [{ path: 'bilingualName', message: refusal }]);
  }

  const snapshot = await checkTargets(store, company, request);
  const applicationId = newReference(now);
  let stored: StoredRequest = request;
  let image: StoredPayload['image'];
  if (request.kind === 'custom_seal' && request.design.source === 'image') {
    image = await storeSealImage(services, applicationId, request.design.imageBase64);
    stored = { ...request, design: { source: 'image' } };
  }
  const payload: StoredPayload = { request: stored, ...snapshot, ...(image ? { image } : {}) };
  const createdAt = now.toISOString();
  await store.commitWithAudit(
    {
      companyId: company.companyId,
      actorId: input.personId,
      actorRole: decision.as,
      action: 'application.submit',
      subject: `application:${applicationId}`,
      after: { kind: request.kind, state: 'submitted', version: 1, ...(input.resubmits ? { resubmissionOf: input.resubmits.applicationId } : {}) },
    },
    [
      ...(input.resubmits ? [store.applications.markResubmitted(input.resubmits, applicationId)] : []),
      store.applications.create({
        applicationId,
        reference: applicationId,
        kind: request.kind,
        companyId: company.companyId,
        applicantId: input.personId,
        payload,
        state: 'submitted',
        createdAt,
        version: 1,
        ...(input.resubmits ? { resubmissionOf: input.resubmits.applicationId } : {}),
      }),
    ],
    now,
  );
  return { applicationId, company };
}
