// The page with its seals, draggable: `seal-placer.weapp.tsx` (MovableArea / MovableView) or
// `seal-placer.h5.tsx` (pointer events: mouse, touch, pen), chosen at build time.
export { SealPlacer } from './seal-placer';
export type { PlacedSeal, SealMarkPlacement, SealPlacerProps } from './types';
export * from './placement-geometry';
export { openDocumentPreview, openOfdPreview, type DocumentPreview } from './page-preview';
