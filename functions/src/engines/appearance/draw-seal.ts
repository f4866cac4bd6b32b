import { SEAL_KIND_LABELS } from '@seal/shared';
import type { SealDrawing } from './drawing';
import { drawOvalSeal } from './oval-seal';
import { drawRoundSeal } from './round-seal';
import type { SealSpec } from './seal-spec';
import { drawSquareSeal } from './square-seal';

/** Draws a seal in its standard shape for its kind. */
export function drawSeal(spec: SealSpec): SealDrawing {
  switch (spec.kind) {
    case 'company_name':
      // The company-name seal shows only the name and the star unless a label is given.
      return drawRoundSeal(spec);
    case 'finance':
    case 'contract':
    case 'custom':
      return drawRoundSeal({ ...spec, sealName: spec.sealName ?? SEAL_KIND_LABELS[spec.kind] });
    case 'invoice':
      return drawOvalSeal({ ...spec, sealName: spec.sealName ?? SEAL_KIND_LABELS.invoice });
    case 'legal_representative_name':
      return drawSquareSeal(spec);
    default: {
      const unknown: never = spec.kind;
      throw new Error(`unknown seal kind ${String(unknown)}`);
    }
  }
}
