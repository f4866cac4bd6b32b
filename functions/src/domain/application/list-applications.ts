import type { ApplicationState } from '@seal/shared';
import type { SealService } from '../../adapters/dynamodb/service';
import type { ApplicationRecord } from './application-view';

export interface Page {
  items: ApplicationRecord[];
  cursor?: string;
}

/** 我的申请: newest first, by the `byApplicant` index. */
export async function listApplicationsOf(db: SealService, applicantId: string, options: { cursor?: string; limit?: number } = {}): Promise<Page> {
  const result = await db.entities.application.query.byApplicant({ applicantId }).go({ order: 'desc', limit: options.limit ?? 50, cursor: options.cursor ?? null });
  return { items: result.data as ApplicationRecord[], ...(result.cursor ? { cursor: result.cursor } : {}) };
}

/** The window queue: applications in a state, oldest first (first come, first served), by `byQueue`. */
export async function listQueue(db: SealService, state: ApplicationState, options: { cursor?: string; limit?: number } = {}): Promise<Page> {
  const result = await db.entities.application.query.byQueue({ state }).go({ order: 'asc', limit: options.limit ?? 50, cursor: options.cursor ?? null });
  return { items: result.data as ApplicationRecord[], ...(result.cursor ? { cursor: result.cursor } : {}) };
}
