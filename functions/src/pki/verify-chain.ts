import type * as pkijs from 'pkijs';
import { OID } from './oids';
import { bytesEqual } from './bytes';
import {
  authorityKeyIdentifierOf,
  certificateDer,
  isCertificateAuthority,
  keyUsagesOf,
  parseCertificate,
  signatureVerifies,
  subjectKeyIdentifierOf,
} from './certificate';
import { formatName, readName } from './names';
import { PkiError } from './errors';

export type ChainProblem =
  | 'MALFORMED'
  | 'UNKNOWN_ISSUER'
  | 'BAD_SIGNATURE'
  | 'NOT_A_CA'
  | 'KEY_USAGE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'UNSUPPORTED_CRITICAL_EXTENSION'
  | 'TOO_LONG';

export interface ChainVerdict {
  trusted: boolean;
  /** Machine-readable problem when not trusted. */
  code?: ChainProblem;
  /** Plain-Chinese reason when not trusted. */
  reason?: string;
  /** DER certificates from the given one up to the trusted root, as far as the path was built. */
  chain: Uint8Array[];
}

export interface ChainQuery {
  certificate: Uint8Array;
  intermediates?: Uint8Array[];
  trustedRoots: Uint8Array[];
  /** Validity is judged at this moment (the signing time), not now. */
  at: Date;
}

const MAX_DEPTH = 5;
const UNDERSTOOD_CRITICAL = new Set<string>([OID.keyUsage, OID.basicConstraints, OID.extKeyUsage]);

/**
 * Builds the path from a certificate to one of the trusted roots and checks every link: the issuer's
 * signature, validity at `at`, that issuers are CAs allowed to sign certificates, that the end
 * certificate may sign (digitalSignature or nonRepudiation), and no critical extension we do not know.
 */
export async function verifyChain(query: ChainQuery): Promise<ChainVerdict> {
  let leaf: pkijs.Certificate;
  let pool: pkijs.Certificate[];
  let roots: pkijs.Certificate[];
  try {
    leaf = parseCertificate(query.certificate);
    roots = query.trustedRoots.map(parseCertificate);
    pool = [...roots, ...(query.intermediates ?? []).map(parseCertificate)];
  } catch (error) {
    if (error instanceof PkiError) return refuse('MALFORMED', '证书格式无法识别', [query.certificate]);
    throw error;
  }
  const isTrustedRoot = (certificate: pkijs.Certificate) =>
    roots.some((root) => bytesEqual(certificateDer(root), certificateDer(certificate)));
  const path: pkijs.Certificate[] = [leaf];
  const chainDer = () => path.map(certificateDer);

  const leafUsages = keyUsagesOf(leaf);
  if (leafUsages && !leafUsages.has('digitalSignature') && !leafUsages.has('nonRepudiation')) {
    return refuse('KEY_USAGE', '证书不允许用于签名', chainDer());
  }
  let current = leaf;
  while (!isTrustedRoot(current)) {
    if (path.length > MAX_DEPTH) return refuse('TOO_LONG', '证书链过长', chainDer());
    const candidates = pool.filter((candidate) => candidate.subject.isEqual(current.issuer) && keyIdMatches(current, candidate));
    if (candidates.length === 0) return refuse('UNKNOWN_ISSUER', `证书签发者不受信任：${formatName(readName(current.issuer))}`, chainDer());
    let issuer: pkijs.Certificate | undefined;
    for (const candidate of candidates) if (await signatureVerifies(current, candidate)) issuer = candidate;
    if (!issuer) return refuse('BAD_SIGNATURE', '证书签名验证失败，证书可能被篡改', chainDer());
    if (!isCertificateAuthority(issuer) || keyUsagesOf(issuer)?.has('keyCertSign') === false) {
      return refuse('NOT_A_CA', '签发者证书不是 CA 证书，无权签发证书', [...chainDer(), certificateDer(issuer)]);
    }
    path.push(issuer);
    current = issuer;
  }
  for (const certificate of path) {
    const name = formatName(readName(certificate.subject));
    if (query.at < certificate.notBefore.value) return refuse('NOT_YET_VALID', `签署时证书尚未生效：${name}`, chainDer());
    if (query.at > certificate.notAfter.value) return refuse('EXPIRED', `签署时证书已过期：${name}`, chainDer());
    const unknown = certificate.extensions?.find((extension) => extension.critical && !UNDERSTOOD_CRITICAL.has(extension.extnID));
    if (unknown) return refuse('UNSUPPORTED_CRITICAL_EXTENSION', `证书含有无法识别的关键扩展 ${unknown.extnID}`, chainDer());
  }
  return { trusted: true, chain: chainDer() };
}

/** When both sides carry key identifiers they must agree (a re-keyed CA with the same name). */
function keyIdMatches(certificate: pkijs.Certificate, candidate: pkijs.Certificate): boolean {
  const authorityKeyId = authorityKeyIdentifierOf(certificate);
  const subjectKeyId = subjectKeyIdentifierOf(candidate);
  return !authorityKeyId || !subjectKeyId || authorityKeyId === subjectKeyId;
}

function refuse(code: ChainProblem, reason: string, chain: Uint8Array[]): ChainVerdict {
  return { trusted: false, code, reason, chain };
}
