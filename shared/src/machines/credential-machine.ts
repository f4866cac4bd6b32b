import type { Machine } from './machine';

/** A claimed seal in one person's hands: key, certificate, PIN, medium. */
export const CREDENTIAL_STATES = ['active', 'locked', 'superseded', 'revoked'] as const;
export type CredentialState = (typeof CREDENTIAL_STATES)[number];

export const CREDENTIAL_EVENTS = ['lock', 'unlock', 'supersede', 'revoke'] as const;
export type CredentialEvent = (typeof CREDENTIAL_EVENTS)[number];

export const credentialMachine: Machine<CredentialState, CredentialEvent> = {
  name: 'credential',
  states: CREDENTIAL_STATES,
  final: ['superseded', 'revoked'],
  transitions: [
    // Five wrong PINs in a row lock it; the lock lifts by itself after the lock period.
    { event: 'lock', from: ['active'], to: 'locked', system: true, reason: 'system', label: '密码错误锁定' },
    { event: 'unlock', from: ['locked'], to: 'active', system: true, reason: 'system', label: '解除锁定' },
    // Forgetting the PIN replaces the credential (new key and certificate); renewal too.
    { event: 'supersede', from: ['active', 'locked'], to: 'superseded', action: 'credential.reset_pin', system: true, reason: 'none', label: '更换证书' },
    { event: 'revoke', from: ['active', 'locked'], to: 'revoked', action: 'seal.revoke', window: true, system: true, reason: 'revocation', label: '吊销' },
  ],
};
