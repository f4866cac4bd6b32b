import { createApiClient } from '@seal/shared/api';
import { readSessionToken } from './session';
import { taroTransport } from './transport';

/**
 * The shared typed API client over this platform's transport, with the phone's session token:
 * `call(routes.claimSeal, { params: { sealId }, body })` resolves with the route's response type
 * and rejects with an ApiError `{ status, code, message }`.
 */
export const { call } = createApiClient<ArrayBuffer>({
  transport: taroTransport,
  token: () => readSessionToken(),
});
