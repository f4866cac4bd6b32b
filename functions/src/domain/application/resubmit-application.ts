import { DomainError, type Actor, type applicationDto } from '@seal/shared';
import type { Ports } from '../../ports';
import { canResubmit, getOwnApplication } from './application-view';
import { submitWindowApplication } from './submit-window-application';

/**
 * 修改后重新提交: the applicant corrects a rejected application and submits it again. It becomes a
 * new application (a new 申请编号 and form to print: the old form no longer says what is asked),
 * which names the rejected one; the rejected one is marked resubmitted in the same transaction,
 * conditional on its version, its state and on not being resubmitted before, so two corrections
 * racing make one application. Same business, same company: anything else is a new application.
 */
export async function resubmitApplication(
  services: Ports,
  input: { applicationId: string; personId: string; actor: () => Promise<Actor>; request: applicationDto.WindowApplicationRequest; expectedVersion?: number },
): Promise<{ applicationId: string }> {
  const old = await getOwnApplication(services.store, input.applicationId, input.personId);
  if (!canResubmit(old)) throw new DomainError('APPLICATION_DECIDED', old.state === 'rejected' ? '该申请已重新提交或不能修改后重新提交' : '仅被驳回的申请可以修改后重新提交');
  if (input.expectedVersion !== undefined && input.expectedVersion !== old.version) throw new DomainError('CONFLICT');
  if (input.request.kind !== old.kind) throw new DomainError('VALIDATION_FAILED', '重新提交须为同一项业务', [{ path: 'request.kind', message: '业务类型与原申请不一致' }]);
  if (input.request.company.creditCode !== old.companyId)
    throw new DomainError('VALIDATION_FAILED', '重新提交须为同一商事主体', [{ path: 'request.company.creditCode', message: '统一社会信用代码与原申请不一致' }]);
  return submitWindowApplication(services, {
    personId: input.personId,
    actor: input.actor,
    request: input.request,
    resubmits: { applicationId: old.applicationId, version: old.version },
  });
}
