import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';

/** GET /v1/health — liveness for anyone: the function runs and answers; no backing service is called (decision 0142). */
export const handler = defineHandler(routes.health, {
  async run({ services }) {
    const { config } = services;
    return { body: { status: 'ok' as const, stage: config.STAGE, version: config.SERVICE_VERSION, time: services.now().toISOString() } };
  },
});
