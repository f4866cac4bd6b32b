/**
 * The `IdNumberVault` port: ID numbers at rest. WeChat's face check needs the full number each time,
 * so it is kept sealed, bound to whose number it is: a sealed value copied onto another subject
 * does not open.
 */
export interface IdNumberVault {
  seal(subject: string, idNumber: string): Promise<string>;
  open(subject: string, sealed: string): Promise<string>;
}
