export { openOfdView, svgImageUrl, type OfdView, type OfdPageView } from './render';
export { OfdViewError, VIEW_LIMITS, type ViewLimits } from './package';
