export { maskIdNumber } from '@seal/shared';

/** 13800138000 → 138****8000 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}
