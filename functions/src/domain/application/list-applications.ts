import type { ApplicationState } from '@seal/shared';
import type { Page as StorePage, SealStore } from '../../ports/seal-store';
import type { ApplicationRecord } from './application-view';

export type Page = StorePage<ApplicationRecord>;

/** 我的申请: newest first, by the `byApplicant` index. */
export function listApplicationsOf(store: SealStore, applicantId: string, options: { cursor?: string; limit?: number } = {}): Promise<Page> {
  return store.applications.ofApplicant(applicantId, options);
}

/** The window queue: applications in a state, oldest first (first come, first served), by `byQueue`. */
export function listQueue(store: SealStore, state: ApplicationState, options: { cursor?: string; limit?: number } = {}): Promise<Page> {
  return store.applications.queue(state, options);
}
