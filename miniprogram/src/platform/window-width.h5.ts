/** The viewport's width in CSS pixels (the page is drawn to fit it). */
export function windowWidth(): number {
  return document.documentElement.clientWidth || window.innerWidth || 375;
}
