import { GmOpenssl } from '../../../test-support/gm/openssl';
import { asn1Tree, at, bits, content, element, opensslVerifiesWithCertificate } from '../../../test-support/gm/asn1parse';
import { sm2TestPki, type Sm2TestIdentity } from '../../../test-support/gm/sm2-test-pki';
import { sm3 } from '../gm';
import { assembleSesSignature, checkSesSignature, makeSeal, readSeal, SesError, tbsSignDer } from './index';

let openssl: GmOpenssl;
let maker: Sm2TestIdentity;
let holder: Sm2TestIdentity;
beforeAll(() => {
  openssl = new GmOpenssl();
  const pki = sm2TestPki(openssl, ['Holder Co']);
  maker = pki.maker;
  holder = pki.holders[0]!;
});
afterAll(() => openssl.dispose());

const content_ = () => ({
  vid: 'SEALPLATFORM',
  esId: '4403000000000001',
  type: 1,
  name: '深圳测试科技有限公司',
  signerCertificates: [holder.certificate],
  createDate: new Date('2026-01-01T08:00:00.250Z'),
  validStart: new Date('2026-01-01T00:00:00Z'),
  validEnd: new Date('2029-01-01T00:00:00Z'),
  picture: { type: 'SVG', data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), widthMm: 42, heightMm: 42 },
});

describe('making GB/T 38540 seals and seal signatures', () => {
  it('makes a v4 seal whose maker signature OpenSSL verifies over the seal info', async () => {
    const der = await makeSeal(content_(), maker);
    const seal = readSeal(der);
    expect(seal).toMatchObject({ version: 4, esId: '4403000000000001', name: '深圳测试科技有限公司', certListType: 1 });
    expect(seal.createDate.toISOString()).toBe('2026-01-01T08:00:00.000Z'); // whole seconds
    const tree = asn1Tree(openssl, openssl.file('made.esl', der));
    expect(opensslVerifiesWithCertificate(openssl, 'made', content(der, at(tree, [1])), element(der, at(tree, [0])), bits(der, at(tree, [3])), '1234567812345678')).toBe(true);
  });

  it('makes a seal signature that OpenSSL verifies and our checker accepts, and catches other data', async () => {
    const seal = await makeSeal(content_(), maker);
    const data = new TextEncoder().encode('<ofd:Signature/>');
    const toBeSigned = tbsSignDer({ seal, signingTime: new Date(), dataHash: sm3(data), propertyInfo: '/Doc_0/Signs/Sign_0/Signature.xml' });
    const der = assembleSesSignature({ toBeSigned, signerCertificate: holder.certificate, signature: await holder.signer.sign(toBeSigned) });
    const tree = asn1Tree(openssl, openssl.file('made.dat', der));
    expect(opensslVerifiesWithCertificate(openssl, 'made-sig', content(der, at(tree, [1])), element(der, at(tree, [0])), bits(der, at(tree, [3])), '1234567812345678')).toBe(true);
    expect(checkSesSignature(der, data)).toMatchObject({
      signatureValue: 'valid',
      dataHash: 'match',
      signerListedInSeal: true,
      signerCertificateValidity: 'within',
      seal: { makerSignature: 'valid', validity: 'within' },
    });
    expect(checkSesSignature(der, new TextEncoder().encode('<ofd:Signature />')).dataHash).toBe('mismatch');
  });

  it('reports a signer the seal does not list', async () => {
    const seal = await makeSeal(content_(), maker);
    const toBeSigned = tbsSignDer({ seal, signingTime: new Date('2026-06-01T02:00:00Z'), dataHash: sm3(new Uint8Array(0)), propertyInfo: 'x' });
    const der = assembleSesSignature({ toBeSigned, signerCertificate: maker.certificate, signature: await maker.signer.sign(toBeSigned) });
    expect(checkSesSignature(der, new Uint8Array(0))).toMatchObject({ signatureValue: 'valid', signerListedInSeal: false });
  });

  it('refuses values the structure cannot hold', async () => {
    await expect(makeSeal({ ...content_(), esId: '印章1' }, maker)).rejects.toThrow(SesError);
    await expect(makeSeal({ ...content_(), signerCertificates: [] }, maker)).rejects.toThrow(/at least one/);
  });
});
