export type { SealDrawing, SealShape, PathCommand } from './drawing';
export type { SealSpec, SealShapeName } from './seal-spec';
export { drawSeal } from './draw-seal';
export { sealToSvg } from './to-svg';
export { sealToPdfOps } from './to-pdf-ops';
