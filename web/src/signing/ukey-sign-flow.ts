import type { documentDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { sha256Hex } from '@seal/shared/signing';
import { ukeyClient, type UkeyToken } from '../ukey/ukey-client';
import { uploadTo, type SigningRequest } from './sign-flow';

/** A prepared signing leaves this margin for the token to sign and the page to complete before it expires. */
const MARGIN_MS = 30_000;

/** Uploads the document for UKey签章 (the same presigned PUT as every signing) and answers its id. */
export async function uploadForUkey(req: SigningRequest): Promise<string> {
  const ticket = await call(routes.createDocument, {
    body: { name: req.file.name, size: req.file.size, sha256: await sha256Hex(req.bytes) },
  });
  await uploadTo(ticket, req.bytes);
  return ticket.documentId;
}

/**
 * Why the inserted token cannot sign for this seal, or undefined. The binding wrote the seal's key
 * and certificate with the seal id as their label (decision 0121); once the platform has prepared
 * the signing, the token must be the very one and the key the very key it names.
 */
export function tokenProblem(token: UkeyToken, sealId: string, prepared?: documentDto.UkeySignPrepared): string | undefined {
  const notBound = '插入的UKey不是该印章绑定的UKey，请插入绑定该印章的UKey后点击“重新检测”';
  if (token.passwordLocked) return 'UKey密码错误次数过多，UKey已锁定，请联系UKey发行方解锁';
  if (prepared) return prepared.ukeySerial === token.serial && token.keys.some((k) => k.keyId === prepared.keyId) ? undefined : notBound;
  return token.keys.some((k) => k.label === sealId && k.hasCertificate) ? undefined : notBound;
}

/** Still usable for the token's signature and the completion, with a margin. */
export function stillFresh(prepared: documentDto.UkeySignPrepared | undefined, now: number): prepared is documentDto.UkeySignPrepared {
  return Boolean(prepared && Date.parse(prepared.expiresAt) - now > MARGIN_MS);
}

/**
 * UKey签章 (guide 五.3; decision 0123): the platform prepares the signed version and answers its
 * digest; the UKey client has the token sign it after the UKey password (which goes to the client
 * on 127.0.0.1 only); the platform completes with the token's signature. A prepared signing still
 * fresh is reused, so a wrong password costs no new preparation.
 */
export async function signWithUkey(input: {
  documentId: string;
  req: SigningRequest;
  token: UkeyToken;
  password: string;
  prepared?: documentDto.UkeySignPrepared;
  onPrepared: (p: documentDto.UkeySignPrepared) => void;
}): Promise<documentDto.SignedDocument> {
  const { documentId, req, token } = input;
  let prepared = input.prepared;
  if (!stillFresh(prepared, Date.now())) {
    prepared = await call(routes.ukeySignPrepare, {
      params: { documentId },
      body: { sealId: req.sealId, placements: req.placements.map(({ page, x, y }) => ({ page, x, y })), crossPage: req.crossPage },
    });
    input.onPrepared(prepared);
  }
  const problem = tokenProblem(token, req.sealId, prepared);
  if (problem) throw new Error(problem);
  const { signature } = await ukeyClient.sign(prepared.ukeySerial, input.password, prepared.keyId, prepared.digest);
  return call(routes.ukeySignComplete, { params: { documentId, signingId: prepared.signingId }, body: { signature } });
}
