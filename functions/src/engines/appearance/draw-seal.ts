import type { SealDrawing } from './drawing';
import { drawOvalSeal } from './oval-seal';
import { drawRoundSeal } from './round-seal';
import type { SealSpec } from './seal-spec';
import { drawSquareSeal } from './square-seal';

/** Draws a seal in the shape its spec names. */
export function drawSeal(spec: SealSpec): SealDrawing {
  switch (spec.shape) {
    case 'round':
      return drawRoundSeal(spec);
    case 'oval':
      return drawOvalSeal(spec);
    case 'square':
      return drawSquareSeal(spec);
    default: {
      const unknown: never = spec.shape;
      throw new Error(`unknown seal shape ${String(unknown)}`);
    }
  }
}
