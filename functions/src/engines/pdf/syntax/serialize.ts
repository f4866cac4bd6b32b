import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './objects';

/** Writes PDF syntax. Strings become hex (no escaping rules to get wrong); numbers never use exponents. */
export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof PdfName) return '/' + value.name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (c) => '#' + c.charCodeAt(0).toString(16).padStart(2, '0'));
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return '<' + Buffer.from(value.bytes).toString('hex') + '>';
  if (Array.isArray(value)) return '[' + value.map(serialize).join(' ') + ']';
  if (value instanceof PdfDict) {
    let s = '<<';
    for (const [k, v] of value.map) s += serialize(new PdfName(k)) + ' ' + serialize(v);
    return s + '>>';
  }
  if (value instanceof PdfStream) throw new Error('a stream is written only as an indirect object');
  throw new Error('unknown PDF value');
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** `n g obj … endobj` as bytes. */
export function serializeIndirect(ref: PdfRef, value: PdfValue): Buffer {
  const head = `${ref.num} ${ref.gen} obj\n`;
  if (value instanceof PdfStream) {
    const d = value.dict.clone().set('Length', value.data.length);
    return Buffer.concat([Buffer.from(head + serialize(d) + '\nstream\n', 'latin1'), value.data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
  }
  return Buffer.from(head + serialize(value) + '\nendobj\n', 'latin1');
}
