import { DomainError } from '@seal/shared';
import { defineHandler } from '../http/define-handler';

// Being built (window business, docs/decisions/0013).
export const handler = defineHandler({
  name: 'staff-reject-application',
  async run() {
    throw new DomainError('SERVICE_UNAVAILABLE');
  },
});
