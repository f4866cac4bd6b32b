import { DomainError } from '@seal/shared';
import type { BusinessRegistry } from '../../ports/business-registry';
import type { ElectronicLicence, LicenceLaunch, VerifiedLicence } from '../../ports/electronic-licence';

/**
 * Local runs and tests: the 电子营业执照 of the seeded companies (the local registry, with the
 * changes recorded in this process). The phone shows the licence on a stand-in page and the
 * tester authorizes or declines; the signed-in person is taken as the one who presented it, as the
 * real licence platform would name the person who authorized. Refused in production.
 */
export class SimulatedElectronicLicence implements ElectronicLicence {
  readonly mode = 'simulated' as const;

  constructor(
    stage: string,
    private readonly registry: BusinessRegistry,
  ) {
    if (stage === 'prod') throw new DomainError('PRODUCTION_FORBIDDEN', '生产环境须接入电子营业执照系统');
  }

  async begin(): Promise<LicenceLaunch> {
    return { mode: 'simulated' };
  }

  async verify(request: Parameters<ElectronicLicence['verify']>[0]): Promise<VerifiedLicence | null> {
    if (request.simulatedPresented !== true) return null;
    const company = await this.registry.lookup(request.creditCode);
    if (!company) return null;
    return {
      creditCode: company.creditCode,
      name: company.name,
      type: company.type,
      status: company.status,
      registeredOn: company.registeredOn,
      legalRepresentative: company.legalRepresentative,
      presentedBy: { name: request.presenter.name, idNumber: await request.presenter.idNumber() },
    };
  }
}
