export type OutlineCommand = { command: 'moveTo' | 'lineTo' | 'bezierCurveTo' | 'closePath'; args: number[] };

/**
 * Builds an outline from the relative moves of a charstring, in absolute font units. Every contour
 * is closed, before the next moveTo and at the end, as fontkit does.
 */
export class OutlinePen {
  readonly commands: OutlineCommand[] = [];
  private x = 0;
  private y = 0;
  private open = false;

  moveTo(dx: number, dy: number): void {
    this.close();
    this.x += dx;
    this.y += dy;
    this.commands.push({ command: 'moveTo', args: [this.x, this.y] });
    this.open = true;
  }

  lineTo(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
    this.commands.push({ command: 'lineTo', args: [this.x, this.y] });
  }

  curveTo(dx1: number, dy1: number, dx2: number, dy2: number, dx3: number, dy3: number): void {
    const x1 = this.x + dx1;
    const y1 = this.y + dy1;
    const x2 = x1 + dx2;
    const y2 = y1 + dy2;
    this.x = x2 + dx3;
    this.y = y2 + dy3;
    this.commands.push({ command: 'bezierCurveTo', args: [x1, y1, x2, y2, this.x, this.y] });
  }

  close(): void {
    if (this.open) this.commands.push({ command: 'closePath', args: [] });
    this.open = false;
  }
}

/** The flex family (12 34–37): two curves meant to flatten at small sizes; drawn as curves. */
export function flex(pen: OutlinePen, op: number, s: number[]): void {
  const a = (i: number) => s[i] ?? 0;
  if (op === 35) {
    pen.curveTo(a(0), a(1), a(2), a(3), a(4), a(5));
    pen.curveTo(a(6), a(7), a(8), a(9), a(10), a(11));
  } else if (op === 34) {
    // hflex: dx1 dx2 dy2 dx3 dx4 dx5 dx6
    pen.curveTo(a(0), 0, a(1), a(2), a(3), 0);
    pen.curveTo(a(4), 0, a(5), -a(2), a(6), 0);
  } else if (op === 36) {
    // hflex1: dx1 dy1 dx2 dy2 dx3 dx4 dx5 dy5 dx6, ending at the starting height
    pen.curveTo(a(0), a(1), a(2), a(3), a(4), 0);
    pen.curveTo(a(5), 0, a(6), a(7), a(8), -(a(1) + a(3) + a(7)));
  } else if (op === 37) {
    // flex1: five points, then d6 along the main direction; the other coordinate returns to the start
    let dx = 0;
    let dy = 0;
    for (let i = 0; i < 10; i += 2) {
      dx += a(i);
      dy += a(i + 1);
    }
    const horizontal = Math.abs(dx) > Math.abs(dy);
    pen.curveTo(a(0), a(1), a(2), a(3), a(4), a(5));
    pen.curveTo(a(6), a(7), a(8), a(9), horizontal ? a(10) : -dx, horizontal ? -dy : a(10));
  } else throw new Error(`unsupported charstring operator 12 ${op}`);
}
