import { CERTIFICATION_LEVEL_LABELS, type documentDto } from '@seal/shared';

/**
 * What a certified document still allows, worded for the person about to seal it (P=1: nothing,
 * the platform refuses to seal it; P=2/3: further seals). Null when it is not certified.
 */
export function certificationView(level: number | undefined): documentDto.Certification | null {
  return level === 1 || level === 2 || level === 3 ? { level, allows: CERTIFICATION_LEVEL_LABELS[level] } : null;
}
