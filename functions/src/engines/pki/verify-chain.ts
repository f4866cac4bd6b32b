import { OID } from './oids';
import { bytesEqual } from './bytes';
import { viewCertificate, type CertificateView } from './certificate-view';
import { authorityKeyIdIn, isCertificateAuthorityView, keyUsagesIn, subjectKeyIdIn } from './read-extensions';
import { issuerSigned } from './certificate-signature';
import { readNameDer, sameName } from './name-der';
import { formatName } from './names';
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
  /** What the problem is about: the certificate's or issuer's name, or the unknown extension's OID (the words are the caller's). */
  detail?: string;
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
 * A certificate is used at most once in a path, so an untrusted self-signed certificate (a look-alike
 * root carried in a signature) ends the path as an unknown issuer instead of looping.
 */
export async function verifyChain(query: ChainQuery): Promise<ChainVerdict> {
  let leaf: CertificateView;
  let pool: CertificateView[];
  let roots: CertificateView[];
  try {
    leaf = viewCertificate(query.certificate);
    roots = query.trustedRoots.map(viewCertificate);
    pool = withoutDuplicates([...roots, ...(query.intermediates ?? []).map(viewCertificate)]);
  } catch (error) {
    if (error instanceof PkiError) return refuse('MALFORMED', [query.certificate]);
    throw error;
  }
  const isTrustedRoot = (certificate: CertificateView) => roots.some((root) => bytesEqual(root.der, certificate.der));
  const path: CertificateView[] = [leaf];
  const chainDer = () => path.map((certificate) => certificate.der.slice());

  const leafUsages = keyUsagesIn(leaf);
  if (leafUsages && !leafUsages.has('digitalSignature') && !leafUsages.has('nonRepudiation')) {
    return refuse('KEY_USAGE', chainDer());
  }
  let current = leaf;
  while (!isTrustedRoot(current)) {
    if (path.length > MAX_DEPTH) return refuse('TOO_LONG', chainDer());
    const candidates = pool.filter(
      (candidate) => !path.includes(candidate) && sameName(candidate.subject, current.issuer) && keyIdMatches(current, candidate),
    );
    if (candidates.length === 0) return refuse('UNKNOWN_ISSUER', chainDer(), nameOf(current.issuer));
    let issuer: CertificateView | undefined;
    for (const candidate of candidates) {
      if (await issuerSigned(current, candidate)) {
        issuer = candidate;
        break;
      }
    }
    if (!issuer) return refuse('BAD_SIGNATURE', chainDer());
    if (!isCertificateAuthorityView(issuer) || keyUsagesIn(issuer)?.has('keyCertSign') === false) {
      return refuse('NOT_A_CA', [...chainDer(), issuer.der.slice()], nameOf(issuer.subject));
    }
    path.push(issuer);
    current = issuer;
  }
  for (const certificate of path) {
    if (query.at < certificate.notBefore) return refuse('NOT_YET_VALID', chainDer(), nameOf(certificate.subject));
    if (query.at > certificate.notAfter) return refuse('EXPIRED', chainDer(), nameOf(certificate.subject));
    const unknown = certificate.extensions.find((extension) => extension.critical && !UNDERSTOOD_CRITICAL.has(extension.oid));
    if (unknown) return refuse('UNSUPPORTED_CRITICAL_EXTENSION', chainDer(), unknown.oid);
  }
  return { trusted: true, chain: chainDer() };
}

/** When both sides carry key identifiers they must agree (a re-keyed CA with the same name). */
function keyIdMatches(certificate: CertificateView, candidate: CertificateView): boolean {
  const authorityKeyId = authorityKeyIdIn(certificate);
  const subjectKeyId = subjectKeyIdIn(candidate);
  return !authorityKeyId || !subjectKeyId || authorityKeyId === subjectKeyId;
}

/** The same certificate given twice (a root also carried in the signature) is one candidate. */
function withoutDuplicates(certificates: CertificateView[]): CertificateView[] {
  return certificates.filter((certificate, i) => certificates.findIndex((other) => bytesEqual(other.der, certificate.der)) === i);
}

function nameOf(name: Uint8Array): string {
  try {
    return formatName(readNameDer(name));
  } catch {
    return '（无法识别的名称）';
  }
}

function refuse(code: ChainProblem, chain: Uint8Array[], detail?: string): ChainVerdict {
  return { trusted: false, code, chain, ...(detail ? { detail } : {}) };
}
