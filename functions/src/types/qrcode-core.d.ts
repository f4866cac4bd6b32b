/** qrcode's encoder module alone (no PNG/SVG/terminal renderers): the package's own `create`. */
declare module 'qrcode/lib/core/qrcode' {
  export { create } from 'qrcode';
}
