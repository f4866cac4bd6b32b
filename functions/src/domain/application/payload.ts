import type { SealKind, applicationDto } from '@seal/shared';

type Request = applicationDto.WindowApplicationRequest;
type CustomSealRequest = Extract<Request, { kind: 'custom_seal' }>;

/** A custom seal design as stored: the uploaded image lives in S3, not in the item. */
export type StoredDesign = { source: 'template'; template: (typeof applicationDto.SEAL_TEMPLATES)[number] } | { source: 'image' };
export type StoredRequest = Exclude<Request, { kind: 'custom_seal' }> | (Omit<CustomSealRequest, 'design'> & { design: StoredDesign });

/** `Application.payload`: the validated form plus what it named, as it was when submitted. */
export interface StoredPayload {
  request: StoredRequest;
  /** The seals the form names (name and kind at submission, for the printed form). */
  seals?: { sealId: string; kind: SealKind; name: string }[];
  /** The grants a cancellation names. */
  grants?: { grantId: string; granteeName: string; role: string; sealIds: string[] }[];
  /** The uploaded seal image (custom seals). */
  image?: { key: string; contentType: string; sha256: string; size: number };
}
