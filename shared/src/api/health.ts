import * as z from 'zod/mini';

export const ServiceHealth = z.object({ up: z.boolean(), latencyMs: z.number(), detail: z.optional(z.string()) });
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  stage: z.string(),
  version: z.string(),
  time: z.string(),
  services: z.record(z.string(), ServiceHealth),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** The public liveness answer: the API is up; says nothing of the backing services (decision 0142). */
export const LivenessResponse = z.object({
  status: z.literal('ok'),
  stage: z.string(),
  version: z.string(),
  time: z.string(),
});
export type LivenessResponse = z.infer<typeof LivenessResponse>;
