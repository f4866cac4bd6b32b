import { DomainError } from '@seal/shared';
import type { CredentialItem } from '../credential/find-credential';

// Apart from binding itself, so that creating a QR challenge does not carry the certificate issuer (decision 0031).
export type UkeyOperation = 'bind' | 'unbind';

export const RULES = {
  bind: { action: 'ukey.bind', purpose: 'ukey_bind', from: 'phone', wrongMedium: '该印章已绑定Ukey' },
  unbind: { action: 'ukey.unbind', purpose: 'ukey_unbind', from: 'ukey', wrongMedium: '该印章未绑定Ukey' },
} as const;

/** The medium a credential must be on for `operation`, refused in the same words wherever it is asked (QR code or binding). */
export function requireMediumFor(operation: UkeyOperation, credential: Pick<CredentialItem, 'medium'>) {
  if (credential.medium !== RULES[operation].from) throw new DomainError('ILLEGAL_TRANSITION', RULES[operation].wrongMedium);
}

