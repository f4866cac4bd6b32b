import { DomainError } from '@seal/shared';
import { defineHandler } from '../http/define-handler';

// Being built (seal life cycle, docs/decisions/0012).
export const handler = defineHandler({
  name: 'pki-crl',
  async run() {
    throw new DomainError('SERVICE_UNAVAILABLE');
  },
});
