export { openOfdView, svgImageUrl, type OfdView, type OfdPageView, type SvgOptions } from './render';
export { OfdViewError, VIEW_LIMITS, type ViewLimits } from './package';
