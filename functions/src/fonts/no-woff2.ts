/**
 * Stands in for `brotli/decompress.js` in Lambda bundles (infra/lib/bundling.ts). fontkit needs
 * Brotli only to open WOFF2 web fonts; the platform reads OpenType files only, and the decoder's
 * dictionary alone is 475 KiB of every PDF function's bundle.
 */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not supported in this bundle');
}
