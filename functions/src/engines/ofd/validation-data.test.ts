import { createTestPki } from '../../../test-support/pki/test-pki';
import { OpensslWorkspace } from '../../../test-support/pki/openssl';
import { toPem } from '../pki/pem';
import { createCrl } from '../pki/crl';
import { createOcspResponse } from '../pki/ocsp';
import { encodeValidationData, readValidationData } from './validation-data';

/** The file an OFD signature keeps its certificates, CRLs and OCSP answers in (decision 0195). */
describe('an OFD signature’s validation data (certs-only CMS)', () => {
  it('is read back item for item, and OpenSSL reads its certificates and CRL', async () => {
    const pki = await createTestPki();
    const now = new Date();
    const crl = await createCrl({ signer: pki.rootSigner, issuerCertificate: pki.root, entries: [], thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), crlNumber: 1 });
    const ocsp = await createOcspResponse({ signer: pki.rootSigner, responderCertificate: pki.root, issuerCertificate: pki.root, statusOf: async () => ({ status: 'good' }), now: () => now }, [pki.seal]);
    const data = { certificates: [pki.seal, pki.root, pki.tsa], crls: [crl], ocsps: [ocsp] };
    const der = encodeValidationData(data);
    const read = readValidationData(der)!;
    expect(new Set(read.certificates.map((c) => Buffer.from(c).toString('hex')))).toEqual(new Set(data.certificates.map((c) => Buffer.from(c).toString('hex'))));
    expect(read.crls).toEqual([crl]);
    expect(read.ocsps).toEqual([ocsp]);

    const openssl = new OpensslWorkspace();
    try {
      // Without an OCSP answer `openssl pkcs7` lists it (it knows certificates and CRLs only).
      openssl.file('vd.p7c', encodeValidationData({ ...data, ocsps: [] }));
      const printed = openssl.run(['pkcs7', '-inform', 'DER', '-in', 'vd.p7c', '-print_certs']);
      expect(printed.status).toBe(0);
      expect(printed.output.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
      expect(printed.output).toContain('BEGIN X509 CRL');
      expect(printed.output).toContain(toPem(pki.root).split('\n')[1]);
      // With an OCSP answer (RFC 5940 other revocation info), `openssl cms` reads it.
      openssl.file('vd-ocsp.p7c', der);
      const cms = openssl.run(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'vd-ocsp.p7c']);
      expect(cms.status).toBe(0);
      expect(cms.output).toContain('1.3.6.1.5.5.7.16.2');
    } finally {
      openssl.dispose();
    }
  });

  it('is not read from bytes that are not a certs-only SignedData', () => {
    expect(readValidationData(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toBeUndefined();
    expect(readValidationData(new TextEncoder().encode('<ofd:Page/>'))).toBeUndefined();
    expect(readValidationData(new Uint8Array(0))).toBeUndefined();
  });
});
