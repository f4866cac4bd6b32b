import { HealthResponse } from '../health';
import type { Route } from '../route';

/** The platform's own health. */
export const health = {
  method: 'GET',
  path: '/v1/health',
  handler: 'health',
  auth: 'public',
  summary: '各后端服务的健康状况',
  response: HealthResponse,
} satisfies Route;
