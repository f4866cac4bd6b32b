import { createTestPki, issueSealCertificate, InMemoryDigestSigner, createTimestampToken, verifyTimestampToken, verifyChain, createCrl, parseCrl, certificateStatusAt, sha256 } from './index';
(async () => {
  const p = await createTestPki();
  const k = await InMemoryDigestSigner.generate(); const spki = await k.publicKeySpki();
  const N = 300;
  const time = async (label: string, n: number, f: (i: number) => Promise<unknown>) => { const t = performance.now(); for (let i = 0; i < n; i++) await f(i); const ms = (performance.now() - t) / n; console.log(`${label}: ${ms.toFixed(2)} ms/op`); };
  await time('issueSealCertificate', N, () => issueSealCertificate({ signer: p.rootSigner, caCertificate: p.root, subjectPublicKey: spki, company: { name: '深圳市示例科技有限公司', creditCode: '91440300MA5F000001' }, seal: { name: '合同专用章', kindLabel: '合同专用章' }, holder: { name: '张三' }, notBefore: new Date(), publicBaseUrl: 'http://x' }));
  const imprint = sha256(new Uint8Array([1]));
  let tok = new Uint8Array();
  await time('createTimestampToken', N, async () => { tok = await createTimestampToken({ signer: p.tsaSigner, tsaCertificate: p.tsa, chain: [p.root], messageImprint: imprint, genTime: new Date() }); });
  console.log('token bytes', tok.length);
  await time('verifyTimestampToken', N, () => verifyTimestampToken({ token: tok, imprint, trustedRoots: [p.root] }));
  await time('verifyChain', N, () => verifyChain({ certificate: p.seal, trustedRoots: [p.root], at: new Date() }));
  for (const size of [10000, 100000]) {
  const entries = Array.from({ length: size }, (_, i) => ({ serialNumber: (0x4000000000000000n + BigInt(i) * 7919n).toString(16), revokedAt: new Date(), reason: 'superseded' as const }));
  let crl = new Uint8Array();
  await time(`createCrl ${size} entries`, 1, async () => { crl = await createCrl({ signer: p.rootSigner, issuerCertificate: p.root, entries, thisUpdate: new Date(), nextUpdate: new Date(Date.now() + 864e5), crlNumber: 1 }); });
  console.log('crl bytes', crl.length);
  let parsed = parseCrl(crl);
  await time(`parseCrl ${size} + signature check`, 1, async () => { parsed = parseCrl(crl, { issuerCertificate: p.root }); });
  console.log('valid', parsed.signatureValid, parsed.entries.length);
  await time(`certificateStatusAt vs parsed ${size} CRL`, 10, async () => certificateStatusAt({ certificate: p.seal, at: new Date(), crl: parsed }));
  }
})();
