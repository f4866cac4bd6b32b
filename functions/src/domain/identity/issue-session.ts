import { randomUUID } from 'node:crypto';
import type { Services } from '../../composition';
import { sessionSecret } from '../../config/config';
import { issueSessionToken, SESSION_TTL_SECONDS, type SessionKind } from './session-token';
import { getPerson } from './people';

/** A session token for a person, at their current epoch (logout raises it). */
export async function issueSession(services: Services, personId: string, kind: SessionKind) {
  const person = await getPerson(services.db, personId);
  const now = services.now();
  const token = await issueSessionToken(
    sessionSecret(services.config),
    { personId, sessionId: randomUUID(), kind, epoch: person.sessionEpoch },
    now,
  );
  return {
    token,
    expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000).toISOString(),
    kind,
    person: { personId, name: person.name, idNumberMasked: person.idNumberMasked },
  };
}

/** Logout everywhere: every token issued before stops at once (authenticate compares the epoch). */
export async function logout(services: Services, personId: string): Promise<void> {
  await services.db.entities.person.patch({ personId }).add({ sessionEpoch: 1 }).go();
}
