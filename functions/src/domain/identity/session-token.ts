import { SignJWT, jwtVerify, errors } from 'jose';
import { DomainError } from '@seal/shared';

/**
 * Session tokens: short-lived HS256 JWTs (jose). `epoch` must equal the person's current session
 * epoch, so logout (which raises it) ends every token issued before at once.
 */
export type SessionKind = 'phone' | 'desktop' | 'staff';

export interface SessionClaims {
  personId: string;
  sessionId: string;
  kind: SessionKind;
  epoch: number;
}

const ISSUER = 'seal-platform';
export const SESSION_TTL_SECONDS = 30 * 60;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function issueSessionToken(secret: string, claims: SessionClaims, now: Date, ttlSeconds = SESSION_TTL_SECONDS): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ sid: claims.sessionId, kind: claims.kind, epoch: claims.epoch })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(claims.kind)
    .setSubject(claims.personId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key(secret));
}

export async function verifySessionToken(secret: string, token: string, now: Date): Promise<SessionClaims> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
      currentDate: now,
      audience: ['phone', 'desktop', 'staff'],
    });
    const kind = payload.kind as SessionKind;
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.epoch !== 'number') {
      throw new DomainError('UNAUTHENTICATED');
    }
    return { personId: payload.sub, sessionId: payload.sid, kind, epoch: payload.epoch };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new DomainError('SESSION_EXPIRED');
    if (error instanceof DomainError) throw error;
    throw new DomainError('UNAUTHENTICATED', undefined, undefined, { cause: error });
  }
}
