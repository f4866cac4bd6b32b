import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificationRequest, CertificationRequestInfo } from '@peculiar/asn1-csr';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  Name,
  RelativeDistinguishedName,
  SubjectPublicKeyInfo,
} from '@peculiar/asn1-x509';

import type { TestStack } from './identity-stack';
import type { MatrixWorld } from './matrix-harness';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

/**
 * What the UKey client sends when binding, made in memory for API tests: a P-256 key and a
 * PKCS#10 request signed by it, subject serialNumber = the token serial (the desktop-client's
 * tests and the journey use a real PKCS#11 token; the platform cannot tell the two apart).
 */
export function softwareUkey(serial = `UK${randomBytes(6).toString('hex')}`) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    ukeySerial: serial,
    keyId: randomBytes(16).toString('hex'),
    privateKey,
    publicKeySpki: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })),
    csr: (options: { serial?: string; signer?: KeyObject } = {}) =>
      certificationRequest(publicKey, options.signer ?? privateKey, options.serial ?? serial),
  };
}

function certificationRequest(publicKey: KeyObject, signer: KeyObject, serial: string): string {
  const rdn = (type: string, text: string) =>
    new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: text }) })]);
  const info = new CertificationRequestInfo({
    subject: new Name([rdn('2.5.4.3', '测试UKey'), rdn('2.5.4.5', serial)]),
    subjectPKInfo: AsnConvert.parse(publicKey.export({ format: 'der', type: 'spki' }), SubjectPublicKeyInfo),
  });
  const tbs = Buffer.from(AsnConvert.serialize(info));
  const signature = sign('sha256', tbs, { key: signer, dsaEncoding: 'der' });
  const request = new CertificationRequest({
    certificationRequestInfo: info,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
    signature: new Uint8Array(signature).buffer,
  });
  return Buffer.from(AsnConvert.serialize(request)).toString('base64');
}

/**
 * A claimed seal of the world's legal representative, bound to a fresh software UKey as the desktop
 * does it: a `ukey_bind` QR challenge naming the token, approved on the phone with a face check.
 */
export async function bindSoftwareUkey(t: TestStack, w: MatrixWorld) {
  const sealId = await w.spareSeal();
  await w.claim('legal_representative', sealId);
  const ukey = softwareUkey();
  const created = await t.api('POST', '/v1/challenges', {
    token: w.tokens.legal_representative,
    body: { purpose: 'ukey_bind', companyId: w.companyId, sealId, details: { ukeySerial: ukey.ukeySerial } },
  });
  const { challengeId, desktopSecret } = created.body as { challengeId: string; desktopSecret: string };
  const faceTicket = await w.ticketFor('legal_representative', 'ukey.confirm', { challengeId });
  expect(
    (await t.api('POST', `/v1/challenges/${challengeId}/approve`, { token: w.tokens.legal_representative, body: { faceTicket } })).status,
  ).toBe(200);
  const bound = await t.api('POST', `/v1/seals/${sealId}/ukey/bind`, {
    token: w.tokens.legal_representative,
    body: { challengeId, desktopSecret, csr: ukey.csr(), ukeySerial: ukey.ukeySerial, keyId: ukey.keyId },
  });
  expect(bound.status).toBe(200);
  return { sealId, ukey, certificate: bound.body.certificate as string };
}

/** Unbinds it again, phone-confirmed. */
export async function unbindUkey(t: TestStack, w: MatrixWorld, sealId: string) {
  const created = await t.api('POST', '/v1/challenges', {
    token: w.tokens.legal_representative,
    body: { purpose: 'ukey_unbind', companyId: w.companyId, sealId, details: {} },
  });
  const { challengeId, desktopSecret } = created.body as { challengeId: string; desktopSecret: string };
  const faceTicket = await w.ticketFor('legal_representative', 'ukey.confirm', { challengeId });
  expect(
    (await t.api('POST', `/v1/challenges/${challengeId}/approve`, { token: w.tokens.legal_representative, body: { faceTicket } })).status,
  ).toBe(200);
  expect(
    (await t.api('POST', `/v1/seals/${sealId}/ukey/unbind`, { token: w.tokens.legal_representative, body: { challengeId, desktopSecret } }))
      .status,
  ).toBe(200);
}
