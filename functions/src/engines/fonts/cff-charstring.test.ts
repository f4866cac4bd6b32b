import { runCharString, type OutlineCommand } from './cff-charstring';
import { CffIndex } from './cff-index';

/** Type 2 operand bytes for small integers (-107..107) and int16 otherwise. */
const num = (n: number): number[] => (n >= -107 && n <= 107 ? [n + 139] : [28, (n >> 8) & 0xff, n & 0xff]);
const ops = (...parts: (number | number[])[]): number[] => parts.flatMap((p) => (Array.isArray(p) ? p.flatMap(num) : [p]));

/** Runs a charstring with an empty subroutine INDEX on each side, or the local subrs given. */
function run(charString: number[], localSubr?: number[]): OutlineCommand[] {
  const subrIndex = localSubr ? [0, 1, 1, 1, 1 + localSubr.length, ...localSubr] : [0, 0];
  const bytes = new Uint8Array([0, 0, ...subrIndex, ...charString]);
  const view = new DataView(bytes.buffer);
  return runCharString({
    view,
    globalSubrs: new CffIndex(view, 0),
    localSubrs: new CffIndex(view, 2),
    charString: { start: 2 + subrIndex.length, end: bytes.length },
  });
}
const points = (cmds: OutlineCommand[]) => cmds.map((c) => [c.command, ...c.args]);

describe('Type 2 charstrings', () => {
  it('drops the width before the first move and closes the contour at endchar', () => {
    expect(points(run(ops([500, 10, 20], 21, [100], 6, 14)))).toEqual([['moveTo', 10, 20], ['lineTo', 110, 20], ['closePath']]);
  });

  it('skips one hintmask byte per eight stems, counting the stems given before the mask', () => {
    // Two hstems, then three vstems left on the stack for the mask: 5 stems → 1 mask byte.
    const cmds = run(ops([0, 10, 50, 10], 18, [0, 10, 30, 10, 60, 10], 19, 0xff, [5, 5], 21, 14));
    expect(points(cmds)).toEqual([['moveTo', 5, 5], ['closePath']]);
    // Nine stems → two mask bytes (0xff would otherwise be read as an operand).
    const nine = run(ops([0, 10, 20, 10, 40, 10, 60, 10, 80, 10, 100, 10, 120, 10, 140, 10, 160, 10], 18, 19, 0xff, 0xff, [7, 7], 21, 14));
    expect(points(nine)).toEqual([['moveTo', 7, 7], ['closePath']]);
  });

  it('draws flex, hflex, hflex1 and flex1 as two curves each', () => {
    const flex = run(ops([0, 0], 21, [10, 0, 10, 5, 10, 0, 10, 0, 10, -5, 10, 0, 50], 12, 35, 14));
    expect(points(flex).slice(1, 3)).toEqual([
      ['bezierCurveTo', 10, 0, 20, 5, 30, 5],
      ['bezierCurveTo', 40, 5, 50, 0, 60, 0],
    ]);
    const hflex = run(ops([0, 0], 21, [10, 10, 5, 10, 10, 10, 10], 12, 34, 14));
    expect(points(hflex).slice(1, 3)).toEqual([
      ['bezierCurveTo', 10, 0, 20, 5, 30, 5],
      ['bezierCurveTo', 40, 5, 50, 0, 60, 0],
    ]);
    const hflex1 = run(ops([0, 0], 21, [10, 2, 10, 3, 10, 10, 10, -1, 10], 12, 36, 14));
    expect(points(hflex1).slice(1, 3)).toEqual([
      ['bezierCurveTo', 10, 2, 20, 5, 30, 5],
      ['bezierCurveTo', 40, 5, 50, 4, 60, 0],
    ]);
    // flex1, mostly horizontal: the last point returns to the starting height.
    const flex1 = run(ops([0, 0], 21, [10, 2, 10, 3, 10, 0, 10, 0, 10, -1, 10], 12, 37, 14));
    expect(points(flex1).slice(1, 3)).toEqual([
      ['bezierCurveTo', 10, 2, 20, 5, 30, 5],
      ['bezierCurveTo', 40, 5, 50, 4, 60, 0],
    ]);
  });

  it('runs local subroutines with the bias of a small INDEX (107)', () => {
    const cmds = run(ops([0, 0], 21, [-107], 10, 14), ops([40, 0], 5, 11));
    expect(points(cmds)).toEqual([['moveTo', 0, 0], ['lineTo', 40, 0], ['closePath']]);
  });

  it('reads 16.16 fixed operands', () => {
    const cmds = run([...ops([0, 0], 21), 255, 0, 1, 0x80, 0, ...ops([0], 5, 14)]);
    expect(points(cmds)[1]).toEqual(['lineTo', 1.5, 0]);
  });
});
