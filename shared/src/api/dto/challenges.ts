import * as z from 'zod/mini';
import { CHALLENGE_PURPOSES, CHALLENGE_STATES, type ChallengePurpose, type ChallengeState } from '../../machines/challenge-machine';
import * as fields from '../fields';
import { MAX_SIGNING_BATCH_DOCUMENTS } from './documents';

/** Details the desktop adds for the phone's summary (sign: which document and placement). */
export const ChallengeDetails = z.object({
  documentName: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  pageCount: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100_000))),
  /** A batch (decision 0210): how many files the one approval covers. */
  documentCount: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_SIGNING_BATCH_DOCUMENTS))),
  /** A digest of the exact document + placement, so an approval covers exactly that. */
  documentDigest: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  placement: z.optional(z.string().check(z.maxLength(500))),
  ukeySerial: z.optional(z.string().check(z.maxLength(64))),
});
export type ChallengeDetails = z.infer<typeof ChallengeDetails>;

/** Purposes a desktop may start; a login challenge has its own public route. */
const DESKTOP_PURPOSES = CHALLENGE_PURPOSES.filter((p): p is Exclude<ChallengePurpose, 'login'> => p !== 'login');

/** `POST /v1/challenges` (a logged-in desktop): UKey bind/unbind, sign. */
export const CreateChallengeRequest = z.object({
  purpose: z.enum(DESKTOP_PURPOSES),
  companyId: fields.creditCode,
  sealId: fields.id,
  details: z._default(ChallengeDetails, {}),
});
export type CreateChallengeRequest = z.infer<typeof CreateChallengeRequest>;

export const ChallengeCreated = z.object({
  challengeId: z.string(),
  /** Only this desktop has it; polling needs it. Never put it in the QR code. */
  desktopSecret: z.string(),
  /** What the QR code encodes: the challenge id and nothing secret. */
  qrPayload: z.string(),
  expiresAt: z.string(),
});
export type ChallengeCreated = z.infer<typeof ChallengeCreated>;

/** `POST /v1/challenges/{challengeId}/poll` */
export const PollChallengeRequest = z.object({ desktopSecret: z.string().check(z.minLength(16), z.maxLength(128)) });
export const PollChallengeResponse = z.object({
  state: z.enum(CHALLENGE_STATES),
  /** Login: the desktop session, delivered once. */
  session: z.optional(
    z.object({ token: z.string(), expiresAt: z.string(), person: z.object({ personId: z.string(), name: z.string(), idNumberMasked: z.string() }) }),
  ),
  approverName: z.optional(z.string()),
});
export type PollChallengeResponse = z.infer<typeof PollChallengeResponse>;

/** What the phone shows before approving: exactly what is being approved, and from where. */
export const ChallengeSummary = z.object({
  challengeId: z.string(),
  purpose: z.enum(CHALLENGE_PURPOSES),
  purposeLabel: z.string(),
  /** The approval counts as this action (and so its proof: face or PIN). */
  action: z.string(),
  proof: z.enum(['face', 'pin', 'ukey', 'none']),
  company: z.optional(z.object({ companyId: z.string(), name: z.string() })),
  seal: z.optional(z.object({ sealId: z.string(), name: z.string(), kind: z.string() })),
  details: ChallengeDetails,
  desktop: z.object({ location: z.string(), browser: z.string() }),
  state: z.enum(CHALLENGE_STATES),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type ChallengeSummary = z.infer<typeof ChallengeSummary>;

/** `POST /v1/challenges/{challengeId}/approve`: a face ticket (login, UKey) or the signing PIN (sign). */
export const ApproveChallengeRequest = z.object({ faceTicket: z.optional(fields.faceTicket), pin: z.optional(fields.pin) });
export type ApproveChallengeRequest = z.infer<typeof ApproveChallengeRequest>;
export const ChallengeParams = z.object({ challengeId: fields.id });
/** The phone's answer to a challenge took effect. */
export type ChallengeDecision = { challengeId: string; state: Extract<ChallengeState, 'approved' | 'rejected'> };
