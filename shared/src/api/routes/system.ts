import { HealthResponse, LivenessResponse } from '../health';
import type { Route } from '../route';

/** Liveness, for anyone: the API answers; no backing service is called (decision 0142). */
export const health = {
  method: 'GET',
  path: '/v1/health',
  handler: 'health',
  auth: 'public',
  summary: '平台是否在线',
  response: LivenessResponse,
} satisfies Route;

/** Readiness, for operators (a staff session): the table, the documents bucket and the root CA key each reached, cached a few seconds. */
export const healthReady = {
  method: 'GET',
  path: '/v1/health/ready',
  handler: 'health-ready',
  auth: 'staff',
  summary: '各后端服务的健康状况（运维）',
  response: HealthResponse,
} satisfies Route;
