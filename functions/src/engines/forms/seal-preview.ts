import { drawSeal, sealToSvg } from '../appearance';

/**
 * A custom seal from a template, drawn by the appearance module: `round` is the standard round
 * company seal with the seal's name under the star, `oval` the oval shape with the credit code.
 */
export function templateSealSvg(input: { template: 'round' | 'oval'; companyName: string; sealName: string; creditCode?: string }): string {
  const drawing =
    input.template === 'oval'
      ? drawSeal({ shape: 'oval', companyName: input.companyName, label: input.sealName, creditCode: input.creditCode })
      : drawSeal({ shape: 'round', companyName: input.companyName, label: input.sealName });
  return sealToSvg(drawing);
}
