import { DomainError } from '@seal/shared';
import type { BusinessRegistry, RegistryCompany } from '../../ports/business-registry';
import { readRegistrySeed, seedCompanies } from './seed';

/**
 * The local registry: the seed file, plus changes recorded in this process (tests and `seal demo`
 * use `recordChange` to play the registry's part before sending its notification). Refused in
 * production, where the platform must talk to the real 营业执照系统.
 */
const changes = new Map<string, Partial<RegistryCompany>>();

export class LocalBusinessRegistry implements BusinessRegistry {
  readonly mode = 'local' as const;

  constructor(
    stage: string,
    private readonly now: () => Date,
  ) {
    if (stage === 'prod') throw new DomainError('PRODUCTION_FORBIDDEN', '生产环境须接入营业执照系统');
  }

  async lookup(creditCode: string): Promise<RegistryCompany | null> {
    const base = seedCompanies(readRegistrySeed(), this.now()).find((c) => c.creditCode === creditCode);
    const change = changes.get(creditCode);
    if (!base && !change) return null;
    return { ...(base as RegistryCompany), ...change };
  }

  async isLegalRepresentative(creditCode: string, person: { name: string; idNumber: string }): Promise<boolean> {
    const company = await this.lookup(creditCode);
    if (!company || company.status !== 'active') return false;
    const rep = company.legalRepresentative;
    return rep.name === person.name.trim() && rep.idNumber === person.idNumber.trim().toUpperCase();
  }

  /** Plays the registry: its record of `creditCode` changes (then send the notification). */
  static recordChange(creditCode: string, change: Partial<RegistryCompany>): void {
    changes.set(creditCode, { ...changes.get(creditCode), ...change });
  }

  static forgetChanges(): void {
    changes.clear();
  }
}
