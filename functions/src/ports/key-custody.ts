import type { SignatureAlgorithmId, Signer } from './signer';

/** Which company, seal and credential a key belongs to; bound into KMS (encryption context or tags). */
export interface CredentialKeyContext {
  companyId: string;
  sealId: string;
  credentialId: string;
}

export type KeyCustodyKind = 'kms-envelope' | 'kms-asymmetric';

/** What the credential store keeps about a key. Nothing in it is secret. */
export interface CredentialKeyRecord {
  custody: KeyCustodyKind;
  /** kms-envelope: the KMS ciphertext of the PKCS#8 key, base64. kms-asymmetric: the KMS key ARN. */
  keyRef: string;
  /** DER SubjectPublicKeyInfo, for the certificate request. The key's algorithm is read from it (`algorithmOfKey`). */
  publicKeySpki: Uint8Array;
}

/** Where seal-credential keys live. See docs/decisions/0004-key-custody.md. */
export interface KeyCustody {
  /** The algorithm new credential keys are made for unless the seal names one (decision 0078). */
  readonly algorithm: SignatureAlgorithmId;
  createCredentialKey(ctx: CredentialKeyContext, algorithm?: SignatureAlgorithmId): Promise<CredentialKeyRecord>;
  /**
   * A signer for one request. For kms-envelope the private key is unwrapped (KMS Decrypt with
   * the same encryption context) only when this is called, i.e. after the caller checked the
   * PIN; drop the signer when the request ends. The signer's algorithm is the recorded key's.
   */
  signerFor(record: CredentialKeyRecord, ctx: CredentialKeyContext): Promise<Signer>;
  retireCredentialKey(record: CredentialKeyRecord, ctx: CredentialKeyContext): Promise<void>;
}

/** The binding written into KMS. `purpose` keeps these ciphertexts from being mistaken for any other use of the wrapping key. */
export function credentialKeyBinding(ctx: CredentialKeyContext): Record<string, string> {
  for (const field of ['companyId', 'sealId', 'credentialId'] as const) {
    if (typeof ctx[field] !== 'string' || ctx[field].trim() === '') throw new TypeError(`CredentialKeyContext.${field} is empty`);
  }
  return { companyId: ctx.companyId, sealId: ctx.sealId, credentialId: ctx.credentialId, purpose: 'seal-credential' };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
