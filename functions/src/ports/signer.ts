/**
 * The signer port (decision 0045): a private key that says which algorithm it does. The PKI engine
 * defines it, because certificates, CRLs, tokens and CMS are made with it; the adapters (KMS, KMS
 * envelopes, later a UKey) implement it and refuse a key that is not of the algorithm they were asked for.
 */
export type { Signer } from '../engines/pki/signer';
export type { SignatureAlgorithmId } from '../engines/pki/algorithms';
