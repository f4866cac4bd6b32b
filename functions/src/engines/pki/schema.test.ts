import { AlgorithmIdentifier, GeneralName, type Name } from '@peculiar/asn1-x509';
import { derOf, oidDer, rawDer } from './schema';
import { signatureAlgorithmIdentifier } from './sign-tbs';
import { signatureAlgorithm } from './algorithms';
import { OID } from './oids';
import { createTestPki } from '../../../test-support/pki/test-pki';
import { viewCertificate } from './certificate-view';
import { encodeTlv } from './der';
import { OpensslWorkspace } from '../../../test-support/pki/openssl';

describe('asn1-schema helpers', () => {
  it('writes ecdsa-with-SHA256 without parameters (RFC 5758), as asn1-schema writes it and the CRL reader expects it', () => {
    const table = signatureAlgorithm('ecdsa-p256-sha256').signatureAlgorithmDer;
    expect(derOf(signatureAlgorithmIdentifier('ecdsa-p256-sha256'))).toEqual(table);
    expect(derOf(new AlgorithmIdentifier({ algorithm: OID.ecdsaWithSha256 }))).toEqual(table);
    expect(derOf(new AlgorithmIdentifier({ algorithm: OID.ecdsaWithSha256, parameters: null }))).not.toEqual(table);
  });

  it('copies an issuer name byte for byte into a new structure', async () => {
    const { seal } = await createTestPki();
    const issuer = viewCertificate(seal).issuer;
    // GeneralName directoryName is [4] EXPLICIT Name.
    expect(derOf(new GeneralName({ directoryName: rawDer<Name>(issuer) }))).toEqual(encodeTlv(0xa4, issuer));
  });

  it('writes an OID with a 128-bit arc (the TSA policy) that openssl reads back', () => {
    const policy = '2.25.329516015496054449014003598554822168381.1';
    const openssl = new OpensslWorkspace();
    try {
      const result = openssl.run(['asn1parse', '-inform', 'DER', '-in', openssl.file('oid.der', oidDer(policy))]);
      expect(result.output).toContain(`OBJECT            :${policy}`);
    } finally {
      openssl.dispose();
    }
  });
});
