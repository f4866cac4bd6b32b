import { randomUUID } from 'node:crypto';
import type { Ports } from '../../ports';
import { sessionSecret } from '../../config/config';
import { issueSessionToken, SESSION_TTL_SECONDS, type SessionKind } from './session-token';
import { getPerson } from './people';

/** A session token for a person, at their current epoch (logout raises it). */
export async function issueSession(services: Ports, personId: string, kind: SessionKind) {
  const person = await getPerson(services.store, personId);
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
export async function logout(services: Ports, personId: string): Promise<void> {
  await services.store.people.endSessions(personId);
}
