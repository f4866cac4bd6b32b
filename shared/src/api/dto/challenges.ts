import * as z from 'zod';
import { CHALLENGE_PURPOSES, CHALLENGE_STATES } from '../../machines/challenge-machine';
import * as fields from '../fields';

/** Details the desktop adds for the phone's summary (sign: which document and placement). */
export const ChallengeDetails = z.object({
  documentName: z.string().trim().max(200).optional(),
  pageCount: z.number().int().min(1).max(100_000).optional(),
  /** A digest of the exact document + placement, so an approval covers exactly that. */
  documentDigest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  placement: z.string().max(500).optional(),
  ukeySerial: z.string().max(64).optional(),
});
export type ChallengeDetails = z.infer<typeof ChallengeDetails>;

/** `POST /v1/challenges` (a logged-in desktop): UKey bind/unbind, sign. */
export const CreateChallengeRequest = z.object({
  purpose: z.enum(CHALLENGE_PURPOSES).exclude(['login']),
  companyId: fields.creditCode,
  sealId: fields.id,
  details: ChallengeDetails.default({}),
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
export const PollChallengeRequest = z.object({ desktopSecret: z.string().min(16).max(128) });
export const PollChallengeResponse = z.object({
  state: z.enum(CHALLENGE_STATES),
  /** Login: the desktop session, delivered once. */
  session: z.object({ token: z.string(), expiresAt: z.string(), person: z.object({ personId: z.string(), name: z.string(), idNumberMasked: z.string() }) }).optional(),
  approverName: z.string().optional(),
});
export type PollChallengeResponse = z.infer<typeof PollChallengeResponse>;

/** What the phone shows before approving: exactly what is being approved, and from where. */
export const ChallengeSummary = z.object({
  challengeId: z.string(),
  purpose: z.enum(CHALLENGE_PURPOSES),
  purposeLabel: z.string(),
  /** The approval counts as this action (and so its proof: face or PIN). */
  action: z.string(),
  proof: z.enum(['face', 'pin', 'none']),
  company: z.object({ companyId: z.string(), name: z.string() }).optional(),
  seal: z.object({ sealId: z.string(), name: z.string(), kind: z.string() }).optional(),
  details: ChallengeDetails,
  desktop: z.object({ location: z.string(), browser: z.string() }),
  state: z.enum(CHALLENGE_STATES),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type ChallengeSummary = z.infer<typeof ChallengeSummary>;

/** `POST /v1/challenges/{challengeId}/approve`: a face ticket (login, UKey) or the signing PIN (sign). */
export const ApproveChallengeRequest = z.object({ faceTicket: fields.faceTicket.optional(), pin: fields.pin.optional() });
export type ApproveChallengeRequest = z.infer<typeof ApproveChallengeRequest>;
export const ChallengeParams = z.object({ challengeId: fields.id });
