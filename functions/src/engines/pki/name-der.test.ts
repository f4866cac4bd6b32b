import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { createTestPki, type TestPki } from '../../../test-support/pki/test-pki';
import { viewCertificate } from './certificate-view';
import { readNameDer, sameName } from './name-der';
import { encodeTlv, concat } from './der';
import { OID } from './oids';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki({ now: new Date('2026-04-01T00:00:00Z') });
});

/** A Name with one attribute per RDN, each value written with the given string tag. */
function name(...attributes: [string, number, string][]): Uint8Array {
  const oid = (dotted: string) => new Uint8Array(new asn1js.ObjectIdentifier({ value: dotted }).toBER(false));
  const rdns = attributes.map(([type, tag, text]) => {
    const value = tag === 0x1e ? Buffer.from(text, 'utf16le').swap16() : Buffer.from(text, tag === 0x0c ? 'utf8' : 'latin1');
    return encodeTlv(0x31, encodeTlv(0x30, concat([oid(type), encodeTlv(tag, value)])));
  });
  return encodeTlv(0x30, concat(rdns));
}

/** pkijs, a second parser, as the reference reading. */
const pkijsName = (der: Uint8Array) => pkijs.RelativeDistinguishedNames.fromBER(der.slice().buffer);
const pkijsAttributes = (der: Uint8Array) =>
  pkijs.Certificate.fromBER(der.slice().buffer).subject.typesAndValues.map((attribute) => ({
    type: attribute.type,
    value: String((attribute.value as { valueBlock: { value: unknown } }).valueBlock.value),
  }));

describe('distinguished names read from DER', () => {
  it('reads a seal certificate’s Chinese subject as pkijs does', () => {
    const subject = viewCertificate(pki.seal).subject;
    expect(readNameDer(subject)).toEqual(pkijsAttributes(pki.seal));
    expect(readNameDer(subject)).toContainEqual({ type: OID.name, value: '张三' });
  });

  it('matches names that differ only in case, spacing or string type, as pkijs does', () => {
    const utf8 = name([OID.country, 0x13, 'CN'], [OID.organization, 0x0c, 'Shenzhen  Seal Platform']);
    const pairs: [Uint8Array, Uint8Array, boolean][] = [
      [utf8, name([OID.country, 0x13, 'cn'], [OID.organization, 0x13, ' shenzhen seal PLATFORM ']), true],
      [utf8, name([OID.country, 0x13, 'CN'], [OID.organization, 0x1e, 'Shenzhen Seal Platform']), true],
      [utf8, name([OID.country, 0x13, 'CN'], [OID.organization, 0x0c, 'Shenzhen Seal Platforms']), false],
      [utf8, name([OID.country, 0x13, 'CN']), false],
      [utf8, name([OID.organization, 0x0c, 'Shenzhen Seal Platform'], [OID.country, 0x13, 'CN']), false],
      [name([OID.commonName, 0x0c, '根CA']), name([OID.commonName, 0x1e, '根ca']), true],
    ];
    for (const [a, b, same] of pairs) {
      expect(sameName(a, b)).toBe(same);
      expect(pkijsName(a).isEqual(pkijsName(b))).toBe(same);
    }
  });

  it('does not match bytes that are not a name', () => {
    expect(sameName(new Uint8Array([0x30, 0x03, 0x31, 0x01, 0x00]), name([OID.commonName, 0x0c, 'x']))).toBe(false);
  });
});
