import type { Action, SealEvent } from '@seal/shared';

/**
 * Actions of the permission matrix that no person can take over any route, and why. The coverage
 * test checks each: only `system` holds it, the seal machine refuses the event to every person
 * role, and no handler of the route table can reach the code that fires it.
 */
export const NOT_REACHABLE_BY_A_PERSON: Partial<Record<Action, { event: SealEvent; firedBy: string; why: string }>> = {
  // The daily renewal job marks seals 30 days before their certificates expire. It runs on a
  // schedule (EventBridge in AWS), not behind a route.
  'seal.mark_renewal_due': { event: 'mark_renewal_due', firedBy: 'entry/jobs/renewal-job.ts', why: '每日续期任务（定时触发，无接口）' },
  // The same job expires seals whose certificates ran out.
  'seal.expire': { event: 'expire', firedBy: 'entry/jobs/renewal-job.ts', why: '每日续期任务（定时触发，无接口）' },
};
