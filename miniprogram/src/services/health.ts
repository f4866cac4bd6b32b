import type { LivenessResponse } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { ApiError, call } from '../platform';

/**
 * `routes.health`: whether the platform answers (liveness, decision 0142). The public is told nothing
 * of the backing services; operators read those from the staff-only readiness check.
 */
export type PlatformHealth = Pick<LivenessResponse, 'status'>;

function isPlatformHealth(value: unknown): value is PlatformHealth {
  return (value as Partial<PlatformHealth> | null)?.status === 'ok';
}

export async function fetchPlatformHealth(): Promise<PlatformHealth> {
  const body: unknown = await call(routes.health);
  if (!isPlatformHealth(body)) throw new ApiError(200, 'BAD_RESPONSE', '服务器返回的内容无法识别，请稍后重试');
  return body;
}
