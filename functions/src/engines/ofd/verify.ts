import { DEFAULT_SM2_DISTINGUISHING_ID, OID_SM2_WITH_SM3, OID_SM3, sm2PublicKeyFromSpki, sm3, verifySm2 } from '../gm';
import { certificateFacts, checkSesSignature, readSesSignature, SesError, type SesSignatureCheck } from '../ses';
import { readContainer, type ContainerLimits, type OfdFiles } from './container';
import { readDocuments, type OfdDocument } from './document';
import { OfdError } from './errors';
import { indicationOf, worst, type OfdProblem, type OfdSignatureReport, type OfdVerificationReport } from './report';
import { readSignatureDescription, readSignatureList, type SignatureDescription, type SignatureEntry } from './signature-files';
import { readValidationData, validationDataPath } from './validation-data';

export interface VerifyOfdOptions {
  /** The distinguishing ID of the SM2 signatures (GB/T 35276's default unless a platform says otherwise). */
  distinguishingId?: string;
  /**
   * Certificates (DER) to try for "Sign" signatures that carry only a bare SM2 signature value and
   * no certificate (as ofdrw's digital-signature container writes them).
   */
  knownSigners?: Uint8Array[];
  limits?: ContainerLimits;
}

/**
 * Verifies every signature of every document as GB/T 33190 §18 and GB/T 38540 §8.3 describe: each
 * protected file's SM3 check value, the SES_Signature's SM2 signature over TBS_Sign with
 * dataHash = SM3(Signature.xml), the seal maker's signature, the seal's and the signer's validity
 * at the signing time, and which files are not protected. Chains and revocation: the PKI's (the
 * report carries the certificates).
 */
export function verifyOfd(ofd: Uint8Array, options: VerifyOfdOptions = {}): OfdVerificationReport {
  const files = readContainer(ofd, options.limits);
  const signatures: OfdSignatureReport[] = [];
  for (const document of readDocuments(files)) {
    if (!document.signaturesPath || !files.has(document.signaturesPath)) continue;
    const list = readSignatureList(files, document.signaturesPath);
    list.entries.forEach((entry, index) => {
      const later = list.entries.slice(index + 1);
      signatures.push(verifyOne(files, document, entry, later, options));
    });
  }
  if (signatures.length === 0) throw new OfdError('OFD_NOT_SIGNED', 'no document of the package lists a signature');
  return { indication: worst(signatures.map((s) => s.indication)), signatures };
}

function verifyOne(files: OfdFiles, document: OfdDocument, entry: SignatureEntry, later: SignatureEntry[], options: VerifyOfdOptions): OfdSignatureReport {
  const distinguishingId = options.distinguishingId ?? DEFAULT_SM2_DISTINGUISHING_ID;
  const description = readSignatureDescription(files, entry.path);
  const problems: OfdProblem[] = [];
  const references = checkReferences(files, description, problems);
  const stamps = description.stamps.map((stamp) => {
    const pageIndex = document.pages.findIndex((page) => page.id === stamp.pageRef);
    if (pageIndex < 0) problems.push('STAMP_PAGE_NOT_FOUND');
    return { ...stamp, ...(pageIndex >= 0 ? { pageIndex } : {}) };
  });
  const kept = files.get(validationDataPath(entry.path));
  const validationData = kept && readValidationData(kept);
  const unprotectedFiles = unprotected(files, document, entry, description, later, !!validationData);
  if (unprotectedFiles.length > 0) problems.push('UNPROTECTED_FILES');
  const base = {
    id: entry.id,
    type: entry.type,
    path: entry.path,
    references,
    stamps,
    unprotectedFiles,
    signatureDateTime: description.signatureDateTime,
    ...(validationData ? { validationData } : {}),
  };

  const signedValue = files.get(description.signedValuePath);
  const signatureXml = files.get(entry.path)!;
  if (!signedValue) {
    problems.push('SIGNED_VALUE_MISSING');
    return finish({ ...base, format: 'unknown', signatureValue: 'not-checked' }, problems);
  }
  const ses = tryReadSes(signedValue);
  if (ses) return finish({ ...base, ...sesPart(checkSesSignature(ses, signatureXml, { distinguishingId }), files, description, problems) }, problems);
  if (isCms(signedValue)) {
    problems.push('SIGNED_VALUE_FORMAT_UNSUPPORTED');
    return finish({ ...base, format: 'cms', signatureValue: 'not-checked' }, problems);
  }
  if (isBareSignature(signedValue)) return finish({ ...base, ...bareSignaturePart(signedValue, signatureXml, description, options, distinguishingId, problems) }, problems);
  problems.push('SIGNED_VALUE_UNREADABLE');
  return finish({ ...base, format: 'unknown', signatureValue: 'not-checked' }, problems);
}

function checkReferences(files: OfdFiles, description: SignatureDescription, problems: OfdProblem[]): OfdSignatureReport['references'] {
  const sm3Method = ['sm3', OID_SM3].includes(description.checkMethod.trim().toLowerCase());
  if (!sm3Method) problems.push('CHECK_METHOD_UNSUPPORTED');
  return description.references.map(({ path, checkValue }) => {
    const content = files.get(path);
    if (!content) {
      problems.push('REFERENCE_MISSING');
      return { path, outcome: 'missing' as const };
    }
    if (!sm3Method) return { path, outcome: 'unsupported-check-method' as const };
    const match = Buffer.compare(sm3(content), checkValue) === 0;
    if (!match) problems.push('REFERENCE_MISMATCH');
    return { path, outcome: match ? ('match' as const) : ('mismatch' as const) };
  });
}

function sesPart(check: SesSignatureCheck, files: OfdFiles, description: SignatureDescription, problems: OfdProblem[]): Partial<OfdSignatureReport> & Pick<OfdSignatureReport, 'format' | 'signatureValue'> {
  const { signature, seal } = check;
  if (check.dataHash === 'mismatch') problems.push('DATA_HASH_MISMATCH');
  problems.push(...outcomeProblems(check.signatureValue, 'SIGNATURE_INVALID', 'SIGNER_CERTIFICATE_UNREADABLE'));
  if (!check.signerListedInSeal) problems.push('SIGNER_NOT_IN_SEAL');
  problems.push(...outcomeProblems(seal.makerSignature, 'SEAL_MAKER_SIGNATURE_INVALID', 'SEAL_MAKER_CERTIFICATE_UNREADABLE'));
  if (seal.validity !== 'within') problems.push('SEAL_NOT_VALID_AT_SIGNING_TIME');
  if (check.signerCertificateValidity && check.signerCertificateValidity !== 'within') problems.push('SIGNER_CERTIFICATE_NOT_VALID_AT_SIGNING_TIME');
  let matchesSealFile: boolean | undefined;
  if (description.sealPath) {
    const sealFile = files.get(description.sealPath);
    matchesSealFile = sealFile !== undefined && Buffer.compare(sealFile, signature.seal.der) === 0;
    if (!matchesSealFile) problems.push('SEAL_FILE_MISMATCH');
  }
  return {
    format: signature.version === 4 ? 'ses-v4' : 'ses-v1',
    signatureValue: check.signatureValue,
    dataHash: check.dataHash,
    signatureBytes: signature.signature,
    ...(signature.timeInfo ? { signingTime: signature.timeInfo } : {}),
    signerCertificate: signature.signerCertificate,
    signerListedInSeal: check.signerListedInSeal,
    ...(check.signerCertificateValidity ? { signerCertificateValidity: check.signerCertificateValidity } : {}),
    seal: {
      version: signature.seal.version,
      esId: signature.seal.esId,
      name: signature.seal.name,
      vid: signature.seal.vid,
      validStart: signature.seal.validStart,
      validEnd: signature.seal.validEnd,
      makerCertificate: signature.seal.makerCertificate,
      makerSignature: seal.makerSignature,
      ...(seal.makerSignedOver ? { makerSignedOver: seal.makerSignedOver } : {}),
      validityAtSigning: seal.validity,
      ...(matchesSealFile === undefined ? {} : { matchesSealFile }),
    },
    ...(signature.timeStamp ? { timeStamp: signature.timeStamp } : {}),
  };
}

/** A "Sign" signature holding only DER { r, s } over Signature.xml: checked against the known certificates. */
function bareSignaturePart(
  signedValue: Uint8Array,
  signatureXml: Uint8Array,
  description: SignatureDescription,
  options: VerifyOfdOptions,
  distinguishingId: string,
  problems: OfdProblem[],
): Partial<OfdSignatureReport> & Pick<OfdSignatureReport, 'format' | 'signatureValue'> {
  if (description.signatureMethod !== OID_SM2_WITH_SM3) {
    problems.push('SIGNATURE_ALGORITHM_UNSUPPORTED');
    return { format: 'sm2-signature-value', signatureValue: 'unsupported-algorithm' };
  }
  for (const certificate of options.knownSigners ?? []) {
    const facts = certificateFacts(certificate);
    if (!facts) continue;
    let publicKey: Uint8Array;
    try {
      publicKey = sm2PublicKeyFromSpki(facts.spki);
    } catch {
      continue;
    }
    if (verifySm2(publicKey, signatureXml, signedValue, distinguishingId)) return { format: 'sm2-signature-value', signatureValue: 'valid', signerCertificate: certificate };
  }
  problems.push('NO_SIGNER_CERTIFICATE');
  return { format: 'sm2-signature-value', signatureValue: 'no-signer-certificate' };
}

/** Files not protected by this signature, other than what signing itself adds. */
function unprotected(
  files: OfdFiles,
  document: OfdDocument,
  entry: SignatureEntry,
  description: SignatureDescription,
  later: SignatureEntry[],
  keepsValidationData: boolean,
): string[] {
  const protectedPaths = new Set(description.references.map((r) => r.path));
  // Its validation data is added after the signature and signed item by item by the issuers (decision
  // 0195); only bytes that are such data (nothing a reader would draw) are let off.
  const validationData = keepsValidationData ? [validationDataPath(entry.path)] : [];
  const ownFiles = new Set([entry.path, description.signedValuePath, ...validationData, ...(description.sealPath ? [description.sealPath] : [])]);
  const laterDirs = later.map((l) => l.path.slice(0, l.path.lastIndexOf('/') + 1));
  return [...files.keys()].filter(
    (path) => !protectedPaths.has(path) && !ownFiles.has(path) && path !== document.signaturesPath && !laterDirs.some((dir) => path.startsWith(dir)),
  );
}

function outcomeProblems(outcome: SesSignatureCheck['signatureValue'], invalid: OfdProblem, unreadable: OfdProblem): OfdProblem[] {
  if (outcome === 'invalid') return [invalid];
  if (outcome === 'unreadable-certificate') return [unreadable];
  if (outcome === 'unsupported-algorithm') return ['SIGNATURE_ALGORITHM_UNSUPPORTED'];
  return [];
}

function finish(report: Omit<OfdSignatureReport, 'indication' | 'problems'>, problems: OfdProblem[]): OfdSignatureReport {
  const unique = [...new Set(problems)];
  return { ...report, indication: indicationOf(unique), problems: unique };
}

function tryReadSes(bytes: Uint8Array) {
  try {
    return readSesSignature(bytes);
  } catch (error) {
    if (error instanceof SesError) return undefined;
    throw error;
  }
}

/** ContentInfo: SEQUENCE { OBJECT IDENTIFIER, [0] … } — a CMS SignedData (GB/T 35275 or PKCS #7). */
const isCms = (bytes: Uint8Array): boolean => bytes[0] === 0x30 && bytes.length > 4 && bytes[bytes[1]! & 0x80 ? 2 + (bytes[1]! & 0x7f) : 2] === 0x06;

/** DER SEQUENCE { INTEGER r, INTEGER s } of an SM2 signature (at most 72 bytes). */
const isBareSignature = (bytes: Uint8Array): boolean => bytes.length <= 72 && bytes[0] === 0x30 && bytes[2] === 0x02;
