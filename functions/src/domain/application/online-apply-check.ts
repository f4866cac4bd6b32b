import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { loadCompany } from '../company/company-lookup';
import { checkBusinessLicence } from '../company/registry-lookup';
import { windowRequiredFor } from './window-rules';

/**
 * Before the face check of 在线申请: a company the guide sends to the window (a partnership with
 * several executive partners) learns it now, not after the person has shown their face for nothing.
 * `applyOnline` applies the same rule again when the application arrives.
 */
export async function assertOnlineApplyOpen(services: Ports, companyId: string, personId: string): Promise<void> {
  const company = await loadCompany(services, companyId);
  const licence = await checkBusinessLicence(services, company, personId);
  const window = windowRequiredFor({ type: licence.type, executivePartners: licence.executivePartners });
  if (window) throw new DomainError('WINDOW_REQUIRED', window);
}
