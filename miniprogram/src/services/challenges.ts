import type { challengeDto } from '@seal/shared';
import { request } from '../platform';

export type ChallengeSummary = challengeDto.ChallengeSummary;

const QR_PREFIX = /^sealqr:1:([A-Za-z0-9_-]{1,64})$/;

/** The challenge id in a scanned QR code, or null when it is not one of the platform's codes. */
export function challengeIdFromQr(payload: string): string | null {
  return QR_PREFIX.exec(payload.trim())?.[1] ?? null;
}

const base = (challengeId: string) => `/v1/challenges/${encodeURIComponent(challengeId)}`;

/** What the desktop asks the phone to approve. */
export function fetchChallenge(challengeId: string): Promise<ChallengeSummary> {
  return request<ChallengeSummary>({ path: base(challengeId) });
}

/** 确认: with a face ticket (login, UKey) or the signing PIN (sign). */
export function approveChallenge(challengeId: string, proof: { faceTicket: string } | { pin: string }) {
  return request<{ challengeId: string; state: 'approved' }>({ path: `${base(challengeId)}/approve`, method: 'POST', body: proof });
}

export function rejectChallenge(challengeId: string) {
  return request<{ challengeId: string; state: 'rejected' }>({ path: `${base(challengeId)}/reject`, method: 'POST', body: {} });
}
