import { randomUUID, verify } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { DomainError } from '@seal/shared';
import { ukeyLoginMessage } from '@seal/shared/ukey-client';
import type { Ports } from '../../../ports';
import { sessionSecret, type Config } from '../../../config/config';
import { spendQuota } from '../../quota/spend-quota';
import { isLive } from '../../credential/find-credential';
import { issueSession } from '../issue-session';
import { readSealCertificate } from '../../../engines/pki/read-seal-certificate';
import { publicKeyOf } from '../../../engines/pki/public-key';

/** How long the desktop has between asking for a challenge and sending the token's signature over it. */
export const UKEY_LOGIN_SECONDS = 120;
const AUDIENCE = 'ukey-login';
const ISSUER = 'seal-platform';

interface Client {
  ip?: string;
}

const key = (config: Config) => new TextEncoder().encode(sessionSecret(config));

/**
 * The web origins the platform's pages are served from: the token signs the origin the UKey client
 * saw, and only a signature made for one of these logs in here. Local runs reach the same stack as
 * `localhost` and `127.0.0.1` (the client allows both by default).
 */
export function platformOrigins(config: Config): string[] {
  const own = new URL(config.PUBLIC_BASE_URL);
  if (config.STAGE !== 'local') return [own.origin];
  const twin = new URL(own.href);
  if (own.hostname === 'localhost') twin.hostname = '127.0.0.1';
  else if (own.hostname === '127.0.0.1') twin.hostname = 'localhost';
  return [...new Set([own.origin, twin.origin])];
}

/**
 * UKey登录, step 1 (decision 0185): a challenge for the token to sign. Stateless until used: a MAC'd
 * token (the session key, its own audience, so it can never pass as a session) naming a fresh id and
 * an expiry 2 minutes on; spent once by `loginWithUkey`. Public, so counted per address.
 */
export async function createUkeyLoginChallenge(services: Ports, client: Client) {
  const now = services.now();
  await spendQuota(services.store, 'ukeyLogin.ip', client.ip ?? 'unknown', now);
  const iat = Math.floor(now.getTime() / 1000);
  const challenge = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + UKEY_LOGIN_SECONDS)
    .sign(key(services.config));
  return { challenge, expiresAt: new Date((iat + UKEY_LOGIN_SECONDS) * 1000).toISOString() };
}

async function openChallenge(services: Ports, challenge: string, now: Date) {
  try {
    const { payload } = await jwtVerify(challenge, key(services.config), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (typeof payload.jti !== 'string' || typeof payload.exp !== 'number') throw new Error('malformed');
    return { id: payload.jti, exp: payload.exp };
  } catch (cause) {
    throw new DomainError('UKEY_LOGIN_CHALLENGE_INVALID', undefined, undefined, { cause });
  }
}

/**
 * The live UKey binding a certificate belongs to: the platform's record of the serial names the
 * credential, which must be live, on the UKey, bound to this very certificate and valid now. The
 * certificate the page sends only says which binding; everything checked is the platform's own.
 */
async function bindingOf(services: Ports, certificateB64: string, now: Date) {
  const { store } = services;
  let serial: string;
  try {
    serial = readSealCertificate(Buffer.from(certificateB64, 'base64')).serialNumber;
  } catch {
    throw new DomainError('UKEY_LOGIN_NOT_BOUND');
  }
  const record = await store.certificates.get(serial);
  const credential = record && (await store.credentials.get({ sealId: record.sealId, credentialId: record.credentialId }));
  const ukey = credential?.medium === 'ukey' ? credential.ukey : undefined;
  if (!record || record.status !== 'issued' || !credential || !isLive(credential) || !ukey) throw new DomainError('UKEY_LOGIN_NOT_BOUND');
  if (ukey.serial !== serial || ukey.certificate !== certificateB64) throw new DomainError('UKEY_LOGIN_NOT_BOUND');
  if (new Date(ukey.notBefore) > now || new Date(ukey.notAfter) <= now) throw new DomainError('UKEY_LOGIN_NOT_BOUND');
  return { credential, ukey };
}

/**
 * UKey登录, step 2 (guide 一.2; decision 0185): the token's signature over the challenge, made by
 * the UKey client for one of the platform's own origins, checked against the public key the
 * platform bound; then the challenge is spent (a conditional write: a replay is refused), the login
 * is audited in the seal's company, and the credential's person gets a desktop session.
 * Nothing is spent before every check that can refuse has passed, except the address's quota.
 */
export async function loginWithUkey(services: Ports, input: { challenge: string; certificate: string; signature: string; client: Client }) {
  const now = services.now();
  await spendQuota(services.store, 'ukeyLogin.ip', input.client.ip ?? 'unknown', now);
  const challenge = await openChallenge(services, input.challenge, now);
  const { credential, ukey } = await bindingOf(services, input.certificate, now);
  const publicKey = publicKeyOf(Buffer.from(ukey.publicKey, 'base64'));
  const signature = Buffer.from(input.signature, 'base64');
  const signedHere = platformOrigins(services.config).some((origin) => {
    try {
      return verify('sha256', Buffer.from(ukeyLoginMessage(origin, input.challenge)), publicKey, signature);
    } catch {
      return false; // not a DER signature at all
    }
  });
  if (!signedHere) throw new DomainError('UKEY_LOGIN_FAILED');
  const first = await services.store.nonces.remember({
    scope: 'ukey-login',
    value: challenge.id,
    seenAt: now.toISOString(),
    ttl: challenge.exp + 3600,
  });
  if (!first) throw new DomainError('UKEY_LOGIN_CHALLENGE_INVALID');
  await services.store.commitWithAudit(
    {
      companyId: credential.companyId,
      actorId: credential.personId,
      actorRole: 'person',
      action: 'session.login_ukey',
      subject: `person:${credential.personId}`,
      after: { sealId: credential.sealId, ukeySerial: ukey.tokenSerial, certificateSerial: ukey.serial },
    },
    [],
    now,
  );
  return issueSession(services, credential.personId, 'desktop');
}
