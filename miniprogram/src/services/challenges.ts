import type { RequestBody, challengeDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call } from '../platform';

export type ChallengeSummary = challengeDto.ChallengeSummary;

const QR_PREFIX = /^sealqr:1:([A-Za-z0-9_-]{1,64})$/;

/** The challenge id in a scanned QR code, or null when it is not one of the platform's codes. */
export function challengeIdFromQr(payload: string): string | null {
  return QR_PREFIX.exec(payload.trim())?.[1] ?? null;
}

/** What the desktop asks the phone to approve. */
export function fetchChallenge(challengeId: string): Promise<ChallengeSummary> {
  return call(routes.challengeSummary, { params: { challengeId } });
}

/** 确认: with a face ticket (login, UKey) or the signing PIN (sign). */
export function approveChallenge(challengeId: string, proof: RequestBody<typeof routes.challengeApprove>) {
  return call(routes.challengeApprove, { params: { challengeId }, body: proof });
}

export function rejectChallenge(challengeId: string) {
  return call(routes.challengeReject, { params: { challengeId } });
}
