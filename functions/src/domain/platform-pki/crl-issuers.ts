import type { SignatureAlgorithmId } from '../../ports/signer';

/**
 * The CRL of each CA hierarchy, by name (`CrlState.issuer`, `CertificateRecord.issuer`). Apart from
 * platform-ca.ts: revoking needs the names, not the CA (decision 0022 keeps builders out of it).
 */
export const CRL_ISSUERS = { 'ecdsa-p256-sha256': 'platform-root', 'sm2-sm3': 'platform-sm2-root' } as const satisfies Record<SignatureAlgorithmId, string>;
