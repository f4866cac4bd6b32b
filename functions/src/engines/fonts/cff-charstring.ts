import { subrBias } from './cff-index';
import type { CharStringSource } from './cff-font';
import { flex, OutlinePen, type OutlineCommand } from './outline-pen';

export type { OutlineCommand } from './outline-pen';

/** Nested subroutine calls allowed (Type 2 limit: 10). */
const MAX_DEPTH = 10;

/**
 * Runs a Type 2 charstring (Adobe TN 5177) into path commands, font units, y up. Hints are
 * skipped, but counted: hintmask and cntrmask are followed by one bit per stem. The optional
 * width operand of the first stack-clearing operator is dropped (advance widths come from hmtx).
 */
export function runCharString(src: CharStringSource): OutlineCommand[] {
  const { view } = src;
  const pen = new OutlinePen();
  const globalBias = subrBias(src.globalSubrs.count);
  const localBias = subrBias(src.localSubrs?.count ?? 0);
  let stack: number[] = [];
  let stems = 0;
  let widthSeen = false;
  let ended = false;

  const width = (argsWithoutWidth: boolean) => {
    if (!widthSeen && argsWithoutWidth) stack.shift();
    widthSeen = true;
  };
  const moveTo = pen.moveTo.bind(pen);
  const lineTo = pen.lineTo.bind(pen);
  const curveTo = pen.curveTo.bind(pen);
  const take = () => stack.shift()!;
  const stemHints = () => {
    width(stack.length % 2 === 1);
    stems += stack.length >> 1;
    stack = [];
  };

  const run = (start: number, end: number, depth: number): void => {
    if (depth > MAX_DEPTH) throw new Error('charstring subroutines nest too deep');
    let at = start;
    while (at < end && !ended) {
      const b = view.getUint8(at++);
      if (b >= 32 || b === 28) {
        // Operands: small integers in one to three bytes, int16 (28), 16.16 fixed (255).
        if (b === 28) {
          stack.push(view.getInt16(at));
          at += 2;
        } else if (b <= 246) stack.push(b - 139);
        else if (b <= 250) stack.push((b - 247) * 256 + view.getUint8(at++) + 108);
        else if (b <= 254) stack.push(-(b - 251) * 256 - view.getUint8(at++) - 108);
        else {
          stack.push(view.getInt32(at) / 65536);
          at += 4;
        }
        continue;
      }
      switch (b) {
        case 1: // hstem
        case 3: // vstem
        case 18: // hstemhm
        case 23: // vstemhm
          stemHints();
          break;
        case 19: // hintmask
        case 20: // cntrmask: a vstem list may sit on the stack before the mask
          stemHints();
          at += (stems + 7) >> 3;
          break;
        case 21: // rmoveto
          width(stack.length > 2);
          moveTo(take(), take());
          break;
        case 22: // hmoveto
          width(stack.length > 1);
          moveTo(take(), 0);
          break;
        case 4: // vmoveto
          width(stack.length > 1);
          moveTo(0, take());
          break;
        case 5: // rlineto
          while (stack.length >= 2) lineTo(take(), take());
          break;
        case 6: // hlineto: alternate horizontal and vertical
        case 7: // vlineto
          for (let horizontal = b === 6; stack.length >= 1; horizontal = !horizontal) {
            if (horizontal) lineTo(take(), 0);
            else lineTo(0, take());
          }
          break;
        case 8: // rrcurveto
          while (stack.length >= 6) curveTo(take(), take(), take(), take(), take(), take());
          break;
        case 24: // rcurveline
          while (stack.length >= 8) curveTo(take(), take(), take(), take(), take(), take());
          lineTo(take(), take());
          break;
        case 25: // rlinecurve
          while (stack.length >= 8) lineTo(take(), take());
          curveTo(take(), take(), take(), take(), take(), take());
          break;
        case 26: {
          // vvcurveto
          let dx1 = stack.length % 2 === 1 ? take() : 0;
          while (stack.length >= 4) {
            curveTo(dx1, take(), take(), take(), 0, take());
            dx1 = 0;
          }
          break;
        }
        case 27: {
          // hhcurveto
          let dy1 = stack.length % 2 === 1 ? take() : 0;
          while (stack.length >= 4) {
            const dx1 = take();
            curveTo(dx1, dy1, take(), take(), take(), 0);
            dy1 = 0;
          }
          break;
        }
        case 30: // vhcurveto: curves start alternately vertical and horizontal
        case 31: // hvcurveto
          for (let horizontal = b === 31; stack.length >= 4; horizontal = !horizontal) {
            const [a, b1, c, d] = [take(), take(), take(), take()];
            const last = stack.length === 1 ? take() : 0;
            if (horizontal) curveTo(a, 0, b1, c, last, d);
            else curveTo(0, a, b1, c, d, last);
          }
          break;
        case 10: // callsubr
        case 29: {
          // callgsubr
          const subrs = b === 10 ? src.localSubrs : src.globalSubrs;
          const span = subrs?.get(stack.pop()! + (b === 10 ? localBias : globalBias));
          if (!span) throw new Error('charstring calls a missing subroutine');
          run(span.start, span.end, depth + 1);
          break;
        }
        case 11: // return
          return;
        case 14: // endchar
          width(stack.length > 0);
          pen.close();
          ended = true;
          break;
        case 12:
          flex(pen, view.getUint8(at++), stack);
          stack = [];
          break;
        default:
          throw new Error(`unsupported charstring operator ${b}`);
      }
    }
  };

  run(src.charString.start, src.charString.end, 0);
  pen.close();
  return pen.commands;
}
