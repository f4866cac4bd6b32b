import { randomUUID } from 'node:crypto';
import { createCrl } from '../../engines/pki/crl';
import type { Revocation, RevocationReason } from '../../engines/pki/revocation';
import type { Ports } from '../../ports';
import type { CrlStateRecord } from '../../ports/seal-store';
import { platformCaOfCrl } from './platform-ca';
import { PLATFORM_CRL } from './revoke-certificates';

/**
 * A CRL is good for a week; it is rebuilt a day before, and on the first request after any
 * revocation: revoking only counts up `CrlState.revocationCount` in its transaction
 * (revoke-certificates.ts), so the revoking functions carry no CRL builder (decision 0022).
 */
const CRL_VALIDITY_MS = 7 * 24 * 3600 * 1000;
const REBUILD_MARGIN_MS = 24 * 3600 * 1000;
const MAX_ATTEMPTS = 5;

/**
 * A platform CRL (DER): the P-256 root's (`platform-root`) or the SM2 root's (`platform-sm2-root`),
 * rebuilt when a revocation happened since the last build or when it nears its nextUpdate. The CRL
 * itself lives in S3 (it grows with revocations, beyond an item's 400 KB); `CrlState` in the table
 * says which object is current.
 */
export async function currentCrl(services: Ports, issuer: string = PLATFORM_CRL, known?: { state?: CrlStateRecord }): Promise<Uint8Array> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // The state the caller read with its other records (the signing gate, decision 0205) serves the first look.
    const state = attempt === 0 && known ? stateOf(known.state) : await readState(services, issuer);
    if (state.objectKey && !isStale(state, services.now())) {
      const der = await services.blobs.get(state.objectKey);
      if (!der) throw new Error(`the current CRL object is missing: ${state.objectKey}`);
      return der;
    }
    const built = await rebuild(services, issuer, state);
    if (built) return built;
  }
  throw new Error('the CRL could not be rebuilt: too many concurrent rebuilds');
}

type State = Awaited<ReturnType<typeof readState>>;

async function readState(services: Ports, issuer: string) {
  return stateOf(await services.store.crl.get(issuer));
}

function stateOf(data: CrlStateRecord | undefined) {
  // The item is born from whichever write comes first (a revocation's ADD or a build's SET).
  return {
    revocationCount: data?.revocationCount ?? 0,
    crlNumber: data?.crlNumber ?? 0,
    builtForCount: data?.builtForCount ?? -1,
    objectKey: data?.objectKey,
    nextUpdate: data?.nextUpdate,
  };
}

function isStale(state: State, now: Date): boolean {
  if (state.builtForCount !== state.revocationCount) return true;
  return !state.nextUpdate || now.getTime() > new Date(state.nextUpdate).getTime() - REBUILD_MARGIN_MS;
}

/**
 * Builds CRL number n+1 from every revoked record and publishes it if nobody else published n+1
 * first (the state write is conditional on the number read). The count recorded is the one read
 * before the query, capped by what the query returned: an index that lags behind a revocation
 * leaves the CRL marked stale, so the next request builds again.
 */
async function rebuild(services: Ports, issuer: string, state: State): Promise<Uint8Array | undefined> {
  const pki = await platformCaOfCrl(services, issuer);
  // One query of the revoked partition; each CRL lists its own CA's certificates.
  const records = (await services.store.certificates.revoked()).filter((r) => (r.issuer ?? PLATFORM_CRL) === issuer);
  const entries: Revocation[] = records.map((r) => ({
    serialNumber: r.serial,
    revokedAt: new Date(r.revokedAt),
    reason: (r.revocationReason as RevocationReason | undefined) ?? 'unspecified',
  }));
  const thisUpdate = services.now();
  const crlNumber = state.crlNumber + 1;
  const der = await createCrl({
    signer: pki.rootSigner,
    issuerCertificate: pki.root,
    entries,
    thisUpdate,
    nextUpdate: new Date(thisUpdate.getTime() + CRL_VALIDITY_MS),
    crlNumber,
  });
  const objectKey = `pki/crl/${issuer === PLATFORM_CRL ? '' : `${issuer}/`}${String(crlNumber).padStart(10, '0')}-${randomUUID()}.crl`;
  await services.blobs.put(objectKey, der, { contentType: 'application/pkix-crl' });
  const published = await services.store.crl.publish(issuer, state.crlNumber, {
    crlNumber,
    builtForCount: Math.min(state.revocationCount, entries.length),
    objectKey,
    thisUpdate: thisUpdate.toISOString(),
    nextUpdate: new Date(thisUpdate.getTime() + CRL_VALIDITY_MS).toISOString(),
  });
  return published ? der : undefined;
}
