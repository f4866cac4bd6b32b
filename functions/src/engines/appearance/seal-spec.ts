/**
 * The standard shapes of an official seal: round (company-name, finance, contract and custom
 * seals), oval (invoice seal, with the tax number) and square (a person's name seal). Which seal
 * kind gets which shape and label is the domain's choice (domain/document/seal-drawing.ts).
 */
export type SealShapeName = 'round' | 'oval' | 'square';

/** What a seal shows. */
export interface SealSpec {
  shape: SealShapeName;
  /** 法定名称 along the arc. */
  companyName: string;
  /** The text below the centre of a round seal or above the number of an oval one, e.g. 合同专用章. */
  label?: string;
  /** The five-pointed star at the centre of a round seal. */
  star?: boolean;
  /** 统一社会信用代码: printed across the oval seal as its tax number. */
  creditCode?: string;
  /** The name on a square name seal. */
  personName?: string;
  /** Optional 13-digit code engraved along the lower arc of round seals. */
  securityCode?: string;
}
