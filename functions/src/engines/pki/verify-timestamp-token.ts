import { readTimestampToken, type TimestampTokenInfo } from './read-timestamp-token';
import { verifyChain, type ChainProblem } from './verify-chain';
import { bytesEqual } from './bytes';
import { digestOf } from './verify-signer-info';
import { PkiError } from './errors';

/** What is wrong with a token (the words a person reads are the caller's; `info.problems` says more). */
export type TimestampFailure = 'MALFORMED' | 'SIGNATURE_INVALID' | 'TSA_CERTIFICATE_INVALID' | 'IMPRINT_MISMATCH' | 'CHAIN_UNTRUSTED';

export interface TimestampVerdict {
  valid: boolean;
  failures: TimestampFailure[];
  /** Why the TSA certificate does not chain to a trusted root, when it does not. */
  chain?: ChainProblem;
  /** The token's content; absent only when the token could not be read at all. */
  info?: TimestampTokenInfo;
}

export interface TimestampCheck {
  token: Uint8Array;
  /**
   * What the token must cover: the digest itself (`imprint`), the signature value it timestamps
   * (`signatureValue`), or the parts of a document it timestamps (`content`: a PDF document
   * timestamp's byte ranges). The last two are hashed with the token's own imprint algorithm.
   */
  imprint?: Uint8Array;
  signatureValue?: Uint8Array;
  content?: Uint8Array[];
  /** The content's digest by digest-algorithm OID, when the caller has it already (undefined: hash `content`). */
  digestContent?: (algorithmOid: string) => Uint8Array | undefined;
  trustedRoots: Uint8Array[];
  intermediates?: Uint8Array[];
  /** The TSA certificate, when the token does not carry it. */
  tsaCertificate?: Uint8Array;
}

/** Whether a timestamp token is genuine, from a trusted TSA, and over the expected digest. */
export async function verifyTimestampToken(check: TimestampCheck): Promise<TimestampVerdict> {
  let info: TimestampTokenInfo;
  try {
    info = readTimestampToken(check.token, { tsaCertificate: check.tsaCertificate });
  } catch (error) {
    if (error instanceof PkiError) return { valid: false, failures: ['MALFORMED'] };
    throw error;
  }
  const failures: TimestampFailure[] = [];
  if (!info.signatureValid) failures.push('SIGNATURE_INVALID');
  if (!info.certificateValid) failures.push('TSA_CERTIFICATE_INVALID');
  let chainProblem: ChainProblem | undefined;
  const parts = check.content ?? (check.signatureValue ? [check.signatureValue] : undefined);
  if (!check.imprint && !parts) throw new PkiError('PKI_BAD_INPUT', 'give the imprint, the signature value or the content the token must cover');
  const expected = check.imprint ?? (check.content && check.digestContent?.(info.hashAlgorithm)) ?? digestOf(info.hashAlgorithm, parts!);
  if (!expected || !bytesEqual(info.messageImprint, expected)) {
    failures.push('IMPRINT_MISMATCH');
  }
  if (info.tsaCertificate) {
    const chain = await verifyChain({
      certificate: info.tsaCertificate,
      intermediates: [...info.certificates, ...(check.intermediates ?? [])],
      trustedRoots: check.trustedRoots,
      at: info.genTime,
    });
    if (!chain.trusted) {
      failures.push('CHAIN_UNTRUSTED');
      chainProblem = chain.code;
    }
  }
  return { valid: failures.length === 0, failures, ...(chainProblem ? { chain: chainProblem } : {}), info };
}
