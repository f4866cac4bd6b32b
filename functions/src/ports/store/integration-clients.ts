import type { Versioned, WriteOp } from './write-op';

/** API credentials of an integrated system (系统接入); the secret is stored hashed. */
export interface IntegrationClientRecord {
  clientId: string;
  companyId: string;
  /** `-` until a secret is issued. */
  secretHash: string;
  state: 'active' | 'revoked';
  createdAt: string;
  rotatedAt?: string;
  version: number;
}

type Read = Pick<IntegrationClientRecord, 'clientId'> & Versioned;

export interface IntegrationClients {
  get(clientId: string): Promise<IntegrationClientRecord | undefined>;
  ofCompany(companyId: string): Promise<IntegrationClientRecord[]>;
  create(client: Omit<IntegrationClientRecord, 'rotatedAt' | 'version'>): WriteOp;
  /** A new secret replaces the old; conditional on the version read and on `active`. */
  rotateSecret(client: Read, secret: { secretHash: string; rotatedAt: string }): WriteOp;
  /** Final; conditional on the version read. */
  revoke(client: Read): WriteOp;
}
