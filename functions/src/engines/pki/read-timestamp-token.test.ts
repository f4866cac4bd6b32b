import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { createTestPki, type TestPki } from '../../../test-support/pki/test-pki';
import { createTimestampToken } from './timestamp-token';
import { readTimestampToken } from './read-timestamp-token';
import { readSignedData } from './read-signed-data';
import { sha256, toArrayBuffer } from './bytes';
import { OID } from './oids';

const genTime = new Date('2026-05-20T08:30:15.250Z');
let pki: TestPki;
let token: Uint8Array;
beforeAll(async () => {
  pki = await createTestPki({ now: genTime });
  token = await createTimestampToken({
    signer: pki.tsaSigner,
    tsaCertificate: pki.tsa,
    chain: [pki.root],
    messageImprint: sha256(new Uint8Array([1])),
    genTime,
  });
});

/** The same token with its TSTInfo re-wrapped as a constructed (BER) OCTET STRING, as pkijs writes by default. */
function withConstructedContent(der: Uint8Array): Uint8Array {
  const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(der));
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const tstInfo = readSignedData(der).eContent!;
  signedData.encapContentInfo = new pkijs.EncapsulatedContentInfo({
    eContentType: OID.tstInfo,
    eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(tstInfo) }),
  });
  const rebuilt = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(rebuilt.toSchema().toBER(false));
}

describe('readTimestampToken on the token’s DER', () => {
  it('reads a token whose TSTInfo is in a constructed OCTET STRING', () => {
    const constructed = withConstructedContent(token);
    expect(constructed.length).not.toBe(token.length);
    expect(readTimestampToken(constructed)).toMatchObject({ genTime, signatureValid: true, certificateValid: true, problems: [] });
  });

  it('carries copies of the certificates, the TSA one first', () => {
    const info = readTimestampToken(token);
    expect(info.certificates).toEqual([pki.tsa, pki.root]);
    expect(info.tsaCertificate).toEqual(pki.tsa);
  });

  it('refuses a token followed by other bytes', () => {
    const padded = new Uint8Array([...token, 0x00, 0x00]);
    expect(() => readTimestampToken(padded)).toThrow(expect.objectContaining({ code: 'PKI_MALFORMED' }));
  });

  it('refuses signed data that is not a timestamp', () => {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(token));
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    signedData.encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' });
    const other = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    expect(() => readTimestampToken(new Uint8Array(other.toSchema().toBER(false)))).toThrow(
      expect.objectContaining({ code: 'PKI_MALFORMED', message: '不是时间戳令牌' }),
    );
  });
});
