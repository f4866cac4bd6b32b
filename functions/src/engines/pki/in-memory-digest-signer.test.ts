import { createPublicKey, verify } from 'node:crypto';
import { InMemoryDigestSigner } from './in-memory-digest-signer';
import { sha256 } from './bytes';
import { PkiError } from './errors';

const message = new TextEncoder().encode('合同第一页');

function verifiesAsSha256Ecdsa(spki: Uint8Array, signature: Uint8Array): boolean {
  const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  return verify('sha256', message, { key, dsaEncoding: 'der' }, signature);
}

describe('InMemoryDigestSigner', () => {
  it('signs a SHA-256 digest so that an ordinary ECDSA-SHA256 verifier accepts it for the message', async () => {
    const signer = await InMemoryDigestSigner.generate();
    const signature = await signer.signDigest(sha256(message));
    expect(signature[0]).toBe(0x30); // DER Ecdsa-Sig-Value, as KMS returns it
    expect(verifiesAsSha256Ecdsa(await signer.publicKeySpki(), signature)).toBe(true);
  });

  it('is rebuilt from its PKCS#8 export with the same public key', async () => {
    const original = await InMemoryDigestSigner.generate();
    const restored = await InMemoryDigestSigner.fromPkcs8(original.exportPkcs8());
    expect(await restored.publicKeySpki()).toEqual(await original.publicKeySpki());
    const signature = await restored.signDigest(sha256(message));
    expect(verifiesAsSha256Ecdsa(await original.publicKeySpki(), signature)).toBe(true);
  });

  it('refuses something that is not a 32-byte digest', async () => {
    const signer = await InMemoryDigestSigner.generate();
    await expect(signer.signDigest(message)).rejects.toThrow(PkiError);
  });

  it('refuses a key that is not P-256', async () => {
    await expect(InMemoryDigestSigner.fromPkcs8(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).rejects.toMatchObject({
      code: 'PKI_UNSUPPORTED_KEY',
    });
  });
});
