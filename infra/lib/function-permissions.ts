/**
 * What each Lambda may touch, keyed by the route table's `handler` name (decision 0015). The stack
 * turns an entry into that function's IAM policy and secret environment; a handler without an
 * entry gets DEFAULT_PERMISSIONS. Derived from what each handler's bundle imports (run
 * `npx tsx infra/scripts/handler-imports.ts` to see it) — update the entry when a handler starts
 * using a new key, prefix or secret.
 */

/**
 * The platform keys of `functions/src/adapters/aws-kms/platform-keys.ts` and `sm2-platform-keys.ts`
 * (`pinMac`: the HMAC key signing PINs are MACed under, decision 0140).
 * The SM2 ones name a role: with derived SM2 keys (decision 0076) all three are the one HMAC key,
 * and `sign` on any of them is GenerateMac on it, which derives all three; `sm2OcspResponder` is
 * derived from an HMAC key of its own (decision 0230).
 */
export type PlatformKey = 'rootCa' | 'tsa' | 'ocspResponder' | 'wrapping' | 'sm2RootCa' | 'sm2Tsa' | 'sealMaker' | 'sm2OcspResponder' | 'pinMac';
/**
 * describe = DescribeKey + GetPublicKey (+ GetKeyRotationStatus on the wrapping key; DescribeKey only on the HMAC keys);
 * mac = GenerateMac + VerifyMac on the PIN key (decision 0140: setting a PIN MACs it, checking one verifies it, and a
 * right PIN still stored as scrypt is MACed in its place).
 */
export type KeyUse = 'describe' | 'sign' | 'mac';
/** The `purpose` of the wrapping key's encryption context: what Encrypt/Decrypt are allowed for. */
export type WrappingPurpose = 'seal-credential' | 'id-number';
/** The identity area's secrets (`functions/src/domain/identity/identity-config.ts`); the session secret goes to every function. */
export type IdentitySecret = 'wechatAppSecret' | 'registryHmacKey' | 'personIdKey';

export interface FunctionPermissions {
  /**
   * `read`: GetItem/Query/BatchGet, and UpdateItem of an item's gsi1 keys alone, returning nothing (a
   * person's first request refiles their items, decision 0220); `readWrite` adds Put/Update/Delete/TransactWrite. No Scan, ever.
   */
  table: 'none' | 'read' | 'readWrite';
  keys?: Partial<Record<PlatformKey, readonly KeyUse[]>>;
  /** Encrypt/Decrypt under the wrapping key, only with these encryption-context purposes. */
  wrapping?: readonly WrappingPurpose[];
  /** Create, use and retire per-credential keys (only when KEY_CUSTODY is kms-asymmetric; envelope custody uses `wrapping`). */
  credentialKeys?: boolean;
  /** Documents bucket prefixes (`pki/crl/`, ...): read = GetObject (also presigned GETs), write = PutObject (also presigned PUTs), delete = DeleteObject. `bucket` = HeadBucket (health). */
  documents?: { read?: readonly string[]; write?: readonly string[]; delete?: readonly string[]; bucket?: boolean };
  secrets?: readonly IdentitySecret[];
  /** `false`: a function that never reads the config (the audit archive writer) goes without the session secret every other one gets. */
  sessionSecret?: false;
  /** PutObject under `audit/` of the audit archive (Object Lock), encrypting with the data key through S3. */
  auditArchive?: 'write';
  memoryMb?: number;
  timeoutSeconds?: number;
  /** Ship the Noto Sans SC fonts beside the bundle (functions/src/fonts/noto-sans-sc.ts reads them from node_modules at run time). */
  cjkFont?: boolean;
}

/** A handler not listed below: items of the table and nothing else (no key, no object, no identity secret). */
export const DEFAULT_PERMISSIONS: FunctionPermissions = { table: 'readWrite' };

const IDENTITY: readonly IdentitySecret[] = ['wechatAppSecret', 'registryHmacKey', 'personIdKey'];
/**
 * `platformPki()` finds the root CA and TSA keys by alias and reads the certificates the bootstrap
 * made (decision 0029): reading them needs no signing. Functions that issue seal certificates or
 * sign the CRL add the root's `sign`. Verifying needs neither: it trusts the root certificate in
 * the table (decision 0031).
 */
const PLATFORM_PKI_READ = { rootCa: ['describe'], tsa: ['describe'], sm2RootCa: ['describe'], sm2Tsa: ['describe'], sealMaker: ['describe'] } as const;
const PLATFORM_PKI = { ...PLATFORM_PKI_READ, rootCa: ['describe', 'sign'], sm2RootCa: ['describe', 'sign'] } as const;
/**
 * Functions that issue seal certificates and make the seal's 印章数据 with them (decision 0077):
 * the seal maker's `sign`, and the SES_Seal written under `seals/` (deleted when the write naming it fails).
 */
const SEAL_MAKING = { ...PLATFORM_PKI, sealMaker: ['describe', 'sign'] } as const;
const SEAL_DATA_WRITE = { write: ['seals/'], delete: ['seals/'] } as const;
/** Timestamps are signed with the TSA key of the signature's hierarchy. */
const TIMESTAMPING = { ...PLATFORM_PKI_READ, tsa: ['describe', 'sign'], sm2Tsa: ['describe', 'sign'] } as const;
/** Both hierarchies' responders (decision 0231): the roots and TSAs read, each responder key signs; never a CA key's `sign`. */
const OCSP_RESPONDING = { ...PLATFORM_PKI_READ, ocspResponder: ['describe', 'sign'], sm2OcspResponder: ['describe', 'sign'] } as const;
/** Signers put both hierarchies' OCSP answers into validation data (decisions 0111, 0233). */
const OCSP_ANSWERS = { ocspResponder: ['describe', 'sign'], sm2OcspResponder: ['describe', 'sign'] } as const;
const CRL = { read: ['pki/crl/'], write: ['pki/crl/'] } as const;
/** Functions that render or sign PDFs: more memory, the API's longest timeout, the CJK font. */
const PDF = { memoryMb: 1024, timeoutSeconds: 29, cjkFont: true } as const;
/** Functions that set or check a signing PIN (decision 0140); no other function may call the PIN key. */
const PIN = { pinMac: ['mac'] } as const;
/**
 * The three signing routes (PIN, phone-approved, batch): credential keys, timestamps, uploads (and
 * the seal's 印章数据 for OFD) in, signed documents out. PAdES B-LT (decision 0111) puts the current CRL (rebuilt by the root when stale,
 * as `pki-crl` does) and the responder's OCSP answers into each signed PDF.
 */
const SIGNING: FunctionPermissions = {
  table: 'readWrite',
  keys: { ...TIMESTAMPING, rootCa: ['describe', 'sign'], sm2RootCa: ['describe', 'sign'], ...OCSP_ANSWERS, ...PIN },
  wrapping: ['seal-credential'],
  credentialKeys: true,
  // seals/: an OFD seal signature embeds the seal's 印章数据 (decision 0175).
  documents: { read: ['uploads/', 'signed/', 'seals/', ...CRL.read], write: ['signed/', ...CRL.write], delete: ['uploads/', 'signed/'] },
  ...PDF,
};

export const FUNCTION_PERMISSIONS: Readonly<Record<string, FunctionPermissions>> = {
  // Liveness answers from the function alone; readiness (staff only) reaches the table, the bucket and the root key (decision 0142).
  health: { table: 'none' },
  'health-ready': { table: 'read', keys: { rootCa: ['describe'] }, documents: { bucket: true } },
  'dev-test-identities': { table: 'read' },

  // Sign-in and sessions: identity config needs every identity secret in production.
  'login-wechat': { table: 'readWrite', secrets: IDENTITY },
  'login-face-check-start': { table: 'readWrite', wrapping: ['id-number'], secrets: IDENTITY },
  'login-face-check-result': { table: 'readWrite', wrapping: ['id-number'], secrets: IDENTITY },
  'login-session': { table: 'readWrite', wrapping: ['id-number'], secrets: IDENTITY },
  'login-challenge-create': { table: 'readWrite' },
  // UKey登录 (decision 0185): the challenge is MAC'd with the session key; the sign-in reads the binding and audits.
  'login-ukey-challenge': { table: 'readWrite', secrets: IDENTITY },
  'login-ukey': { table: 'readWrite', secrets: IDENTITY },
  logout: { table: 'readWrite', secrets: IDENTITY },
  'staff-login': { table: 'readWrite', secrets: IDENTITY },
  'staff-logout': { table: 'readWrite', secrets: IDENTITY },
  me: { table: 'read', secrets: IDENTITY },
  'face-check-start': { table: 'readWrite', wrapping: ['id-number'], secrets: IDENTITY },
  'face-check-result': { table: 'readWrite', wrapping: ['id-number'], secrets: IDENTITY },
  // Licence changes revoke credentials: kms-asymmetric keys are scheduled for deletion. Revoking
  // marks the CRL stale; `pki-crl` rebuilds it on the next request (decision 0022).
  'registry-notification': { table: 'readWrite', keys: PLATFORM_PKI, secrets: IDENTITY, credentialKeys: true },

  // Grants and challenges.
  'grants-list': { table: 'read' },
  'grant-create': { table: 'readWrite', secrets: IDENTITY },
  'grant-cancel': { table: 'readWrite' },
  // Imports a newly registered company from the registry and creates its starter seals.
  'company-seals': { table: 'readWrite', secrets: IDENTITY },
  'challenge-create': { table: 'readWrite' },
  'challenge-poll': { table: 'readWrite', secrets: IDENTITY },
  'challenge-summary': { table: 'read' },
  // A sign approval checks the signing PIN on the phone.
  'challenge-approve': { table: 'readWrite', keys: PIN },
  'challenge-reject': { table: 'readWrite' },

  // Applications and the window.
  'apply-online': { table: 'readWrite', secrets: IDENTITY },
  'submit-window-application': { table: 'readWrite', documents: { write: ['applications/'] }, secrets: IDENTITY },
  'list-my-applications': { table: 'read' },
  'get-application': { table: 'read' },
  'download-application-form': { table: 'read', ...PDF },
  'preview-custom-seal': { table: 'readWrite', secrets: IDENTITY, ...PDF },
  'staff-list-applications': { table: 'read' },
  'staff-get-application': { table: 'read' },
  'staff-download-application-form': { table: 'read', ...PDF },
  'staff-approve-application': {
    table: 'readWrite',
    keys: PLATFORM_PKI,
    wrapping: ['seal-credential'],
    credentialKeys: true,
    documents: { read: ['applications/', 'uploads/'], write: ['seals/'] },
    secrets: IDENTITY,
    ...PDF,
  },
  'staff-reject-application': { table: 'readWrite' },

  // Integration credentials.
  'list-integration-clients': { table: 'read' },
  'issue-integration-secret': { table: 'readWrite' },
  'revoke-integration-client': { table: 'readWrite' },
  'integration-list-seals': { table: 'read' },

  // Seal life cycle: credential keys are made, used and retired here.
  'claim-seal': { table: 'readWrite', keys: { ...SEAL_MAKING, ...PIN }, wrapping: ['seal-credential'], credentialKeys: true, documents: SEAL_DATA_WRITE },
  'seal-image': { table: 'read', ...PDF },
  'seal-data': { table: 'read', documents: { read: ['seals/'] } },
  'get-my-credential': { table: 'readWrite', keys: PLATFORM_PKI_READ },
  'change-pin': { table: 'readWrite', keys: PIN, wrapping: ['seal-credential'], credentialKeys: true },
  'reset-pin': { table: 'readWrite', keys: { ...SEAL_MAKING, ...PIN }, wrapping: ['seal-credential'], credentialKeys: true, documents: SEAL_DATA_WRITE },
  'freeze-seals': { table: 'readWrite', wrapping: ['seal-credential'], credentialKeys: true },
  'unfreeze-seals': { table: 'readWrite', wrapping: ['seal-credential'], credentialKeys: true },
  'revoke-seals': { table: 'readWrite', keys: PLATFORM_PKI, wrapping: ['seal-credential'], credentialKeys: true },
  'renew-seals': { table: 'readWrite', keys: SEAL_MAKING, wrapping: ['seal-credential'], credentialKeys: true, documents: SEAL_DATA_WRITE },
  'change-online': { table: 'readWrite', keys: PLATFORM_PKI, wrapping: ['seal-credential'], credentialKeys: true },
  'verify-audit-chain': { table: 'read' },
  'staff-verify-audit-chain': { table: 'read' },
  // 审计记录 reads; 导出 writes its own audit event and timestamps the head when the range reaches it (decision 0225).
  'list-audit-events': { table: 'read' },
  'export-audit-trail': { table: 'readWrite', keys: { ...PLATFORM_PKI_READ, tsa: ['describe', 'sign'] } },

  // Public PKI endpoints.
  'pki-root': { table: 'readWrite', keys: PLATFORM_PKI_READ },
  'pki-crl': { table: 'readWrite', keys: PLATFORM_PKI, documents: CRL },
  'pki-certificate-status': { table: 'read' },
  'pki-timestamp': { table: 'readWrite', keys: TIMESTAMPING },
  // The OCSP responder reads certificate records and signs with its own key (never the root's).
  'pki-ocsp': { table: 'read', keys: OCSP_RESPONDING },
  'pki-ocsp-get': { table: 'read', keys: OCSP_RESPONDING },

  // Documents: uploads are presigned PUTs under uploads/ (expire after a day), signed PDFs under signed/.
  'create-document': { table: 'readWrite', documents: { write: ['uploads/'] } },
  // Reads page and signature counts (the PDF parser only: no seal drawing, no font).
  'get-document': { table: 'readWrite', documents: { read: ['signed/', 'uploads/'] }, memoryMb: 1024 },
  'sign-document': SIGNING,
  // The phone checked the PIN when it approved (challenge-approve): no PIN key here.
  'sign-document-confirmed': { ...SIGNING, keys: { ...TIMESTAMPING, rootCa: ['describe', 'sign'], sm2RootCa: ['describe', 'sign'], ...OCSP_ANSWERS } },
  'sign-documents-batch': { ...SIGNING, memoryMb: 1536 },
  // 批量签章任务 (decision 0165): the gate once (PIN, key unwrap), then the queue (granted by the stack); workers sign.
  'start-signing-batch': { table: 'readWrite', keys: { ...PLATFORM_PKI_READ, ...PIN }, wrapping: ['seal-credential'], credentialKeys: true },
  'get-signing-batch': { table: 'read' },
  'list-signing-batches': { table: 'read' },
  'signing-batch-report': { table: 'read' },
  // UKey签章: no credential key (the token signs); the prepared signing waits under ukey-signing/ (decision 0123).
  'ukey-sign-prepare': { table: 'readWrite', keys: PLATFORM_PKI_READ, documents: { read: ['uploads/', 'signed/', 'seals/'], write: ['ukey-signing/'] }, ...PDF },
  // Completing adds the deployment's PAdES level (decision 0111): the CRL and OCSP answers, as SIGNING does.
  'ukey-sign-complete': {
    table: 'readWrite',
    keys: { ...TIMESTAMPING, rootCa: ['describe', 'sign'], sm2RootCa: ['describe', 'sign'], ...OCSP_ANSWERS },
    documents: {
      read: ['uploads/', 'signed/', 'ukey-signing/', ...CRL.read],
      write: ['signed/', ...CRL.write],
      delete: ['signed/', 'ukey-signing/'],
    },
    ...PDF,
  },
  // Each verification keeps its report (no document bytes) under verify/reports/ for a day, for the PDF download.
  'verify-document': { table: 'readWrite', documents: { write: ['verify/reports/'] }, ...PDF },
  'create-verify-upload': { table: 'readWrite', documents: { write: ['verify/'] } },
  'verify-uploaded-document': { table: 'readWrite', documents: { read: ['verify/'], delete: ['verify/'], write: ['verify/reports/'] }, ...PDF },
  'verification-report': { table: 'read', documents: { read: ['verify/reports/'] }, ...PDF },

  // UKey binding and application withdrawal.
  'ukey-bind': { table: 'readWrite', secrets: IDENTITY },
  'ukey-unbind': { table: 'readWrite', secrets: IDENTITY },
  'withdraw-application': { table: 'readWrite' },
};

/** Not in the route table: the session authorizer (verifies the token's signature only), the daily renewal job, the audit archive writer and the audit chainer. */
export const AUTHORIZER_PERMISSIONS: FunctionPermissions = { table: 'none' };
export const RENEWAL_JOB_PERMISSIONS: FunctionPermissions = { table: 'readWrite', timeoutSeconds: 300 };
/**
 * The archive job (decisions 0171, 0235) renews the platform certificates when due (the P-256 and SM2
 * roots' `sign`: both TSAs, the OCSP responder, the seal maker), adds the CRL and an OCSP answer to
 * kept PDFs and timestamps them (TSA `sign`), and writes each as a new signed version.
 */
export const ARCHIVE_JOB_PERMISSIONS: FunctionPermissions = {
  table: 'readWrite',
  // Renews both hierarchies' certificates when due (decision 0235), the SM2 responder's included
  // (decision 0230: its derived key's public half needs `sign`); the DSS carries P-256 OCSP answers.
  keys: { ...TIMESTAMPING, rootCa: ['describe', 'sign'], sm2RootCa: ['describe', 'sign'], ...OCSP_ANSWERS },
  documents: { read: ['signed/', ...CRL.read], write: ['signed/', ...CRL.write], delete: ['signed/'] },
  ...PDF,
  memoryMb: 1536,
  timeoutSeconds: 900,
};
/**
 * The bootstrap has each root sign its root, TSA and OCSP responder certificates once, and stores them
 * (the derived SM2 responder key's public half needs its GenerateMac: `sign`).
 */
export const BOOTSTRAP_PERMISSIONS: FunctionPermissions = {
  table: 'readWrite',
  keys: { ...PLATFORM_PKI, ocspResponder: ['describe'], sm2OcspResponder: ['describe', 'sign'], pinMac: ['describe'] },
  timeoutSeconds: 120,
};
/** The table stream's consumer: reads the stream (granted by its event source), writes the archive, no table items, no secret. */
export const AUDIT_ARCHIVE_PERMISSIONS: FunctionPermissions = { table: 'none', auditArchive: 'write', sessionSecret: false, memoryMb: 256, timeoutSeconds: 60 };
/** The audit checkpoint job (decision 0227): reads the unsealed-head marks and heads, timestamps each head with the P-256 TSA key. */
export const AUDIT_CHECKPOINT_JOB_PERMISSIONS: FunctionPermissions = { table: 'readWrite', keys: { ...PLATFORM_PKI_READ, tsa: ['describe', 'sign'] }, memoryMb: 256, timeoutSeconds: 300 };
/** The audit chainer (decision 0160): links pending audit events (table items) and timestamps chain heads with the P-256 TSA key. */
export const AUDIT_CHAIN_PERMISSIONS: FunctionPermissions = { table: 'readWrite', keys: { ...PLATFORM_PKI_READ, tsa: ['describe', 'sign'] }, memoryMb: 256, timeoutSeconds: 60 };

/**
 * The signing batches' worker: one document per invocation, signed as `sign-document-confirmed` signs
 * (the batch's PIN check approved the credential: no PIN key), with a timeout of its own (not the API's).
 */
export const SIGN_BATCH_WORKER_PERMISSIONS: FunctionPermissions = { ...FUNCTION_PERMISSIONS['sign-document-confirmed']!, timeoutSeconds: 120 };

export function permissionsFor(handler: string): FunctionPermissions {
  return FUNCTION_PERMISSIONS[handler] ?? DEFAULT_PERMISSIONS;
}
