import type { HealthResponse } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { ApiError, call } from '../platform';

/**
 * `routes.health`: the platform's own view of its backing services. Only the fields this screen
 * reads are required.
 */
export type PlatformHealth = Pick<HealthResponse, 'status'> & { services: Record<string, { up: boolean }> };

/** What each backing service is called on screen. */
export const SERVICE_LABELS: Record<string, string> = {
  dynamodb: '业务数据库',
  s3: '文件存储',
  kms: '密钥管理',
};

function isPlatformHealth(value: unknown): value is PlatformHealth {
  const candidate = value as Partial<PlatformHealth> | null;
  return (
    (candidate?.status === 'ok' || candidate?.status === 'degraded') &&
    typeof candidate.services === 'object' &&
    candidate.services !== null
  );
}

export async function fetchPlatformHealth(): Promise<PlatformHealth> {
  let body: unknown;
  try {
    body = await call(routes.health);
  } catch (err) {
    // A degraded platform may answer 503 with the same report; that is a result, not a failure.
    if (err instanceof ApiError && err.status === 503 && isPlatformHealth(err.body)) return err.body;
    throw err;
  }
  if (!isPlatformHealth(body)) throw new ApiError(200, 'BAD_RESPONSE', '服务器返回的内容无法识别，请稍后重试');
  return body;
}

/** Services in a stable order: the known ones first, then anything new the API reports. */
export function listServices(health: PlatformHealth): Array<{ key: string; label: string; up: boolean }> {
  const known = Object.keys(SERVICE_LABELS).filter((key) => key in health.services);
  const extra = Object.keys(health.services)
    .filter((key) => !(key in SERVICE_LABELS))
    .sort();
  return [...known, ...extra].map((key) => ({
    key,
    label: SERVICE_LABELS[key] ?? key,
    up: health.services[key]?.up === true,
  }));
}
