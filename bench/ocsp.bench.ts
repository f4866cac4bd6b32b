/**
 * What an OCSP answer costs in each hierarchy (decisions 0110, 0230): making one signed answer about
 * a seal certificate and its TSA (what every B-LT signing and every OCSP request pays) and reading it
 * back with its signature checked (what a verifier pays per answer), P-256 and SM2 in the same run so
 * the ratio compares like with like. In-memory keys, so the times are the platform's own work (a
 * deployment adds one KMS call, or one derived-key signature, per answer).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { InMemorySm2Signer } from '../functions/src/engines/gm';
import { InMemoryDigestSigner } from '../functions/src/engines/pki/in-memory-digest-signer';
import { createOcspResponse, type OcspResponder } from '../functions/src/engines/pki/ocsp';
import { issueOcspResponderCertificate } from '../functions/src/engines/pki/ocsp-responder-certificate';
import { readOcspResponse } from '../functions/src/engines/pki/read-ocsp-response';
import { createRootCertificate } from '../functions/src/engines/pki/root-ca';
import { issueSealCertificate } from '../functions/src/engines/pki/seal-certificate';
import { issueTsaCertificate } from '../functions/src/engines/pki/tsa-certificate';
import type { Signer } from '../functions/src/engines/pki/signer';
import { medianMs } from './timing';

const RESULTS = join(__dirname, 'results');
const RUNS = 25;
const BASE = 'https://seal.example.cn';

/** A root, a seal and TSA certificate under it, and a responder it certified: the engine's profiles, in memory. */
async function hierarchy(generate: () => Promise<Signer>, now: Date): Promise<{ responder: OcspResponder; certificates: Uint8Array[] }> {
  const [rootSigner, sealKey, tsaKey, responderSigner] = await Promise.all([generate(), generate(), generate(), generate()]);
  const notBefore = new Date(now.getTime() - 3600_000);
  const root = await createRootCertificate({ signer: rootSigner, notBefore, validityYears: 20 });
  const seal = await issueSealCertificate({
    signer: rootSigner,
    caCertificate: root,
    subjectPublicKey: await sealKey.publicKeySpki(),
    company: { name: '深圳市示例科技有限公司', creditCode: '91440300MA5F000001' },
    seal: { name: '合同专用章', kindLabel: '合同专用章' },
    holder: { name: '张三' },
    notBefore,
    publicBaseUrl: BASE,
    ocspUrl: `${BASE}/v1/pki/ocsp`,
  });
  const tsa = await issueTsaCertificate({ signer: rootSigner, caCertificate: root, tsaPublicKey: await tsaKey.publicKeySpki(), notBefore, validityYears: 10, publicBaseUrl: BASE });
  const responderCertificate = await issueOcspResponderCertificate({ signer: rootSigner, caCertificate: root, responderPublicKey: await responderSigner.publicKeySpki(), notBefore });
  return {
    responder: { signer: responderSigner, responderCertificate, issuerCertificate: root, statusOf: async () => ({ status: 'good' }), now: () => now },
    certificates: [seal, tsa],
  };
}

export async function run(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const now = new Date();
  const hierarchies = {
    'P-256 (ECDSA with SHA-256)': await hierarchy(() => InMemoryDigestSigner.generate(), now),
    'SM2 (SM2-with-SM3, ID 1234567812345678)': await hierarchy(async () => InMemorySm2Signer.generate(), now),
  };
  const rows: { name: string; bytes: number; makeMs: number; readMs: number }[] = [];
  for (const [name, { responder, certificates }] of Object.entries(hierarchies)) {
    const answer = await createOcspResponse(responder, certificates);
    if (!readOcspResponse(answer).responderCertificate) throw new Error(`${name}: the answer's signature does not verify`);
    rows.push({
      name,
      bytes: answer.length,
      makeMs: await medianMs(RUNS, () => createOcspResponse(responder, certificates)),
      readMs: await medianMs(RUNS, () => readOcspResponse(answer)),
    });
  }
  const [p256, sm2] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const meta = { date: new Date().toISOString(), node: process.version, cpus: cpus().length };
  writeFileSync(join(RESULTS, 'ocsp.json'), JSON.stringify({ ...meta, rows, sm2OverP256: { bytes: ratio(sm2.bytes, p256.bytes), make: ratio(sm2.makeMs, p256.makeMs), read: ratio(sm2.readMs, p256.readMs) } }, null, 2) + '\n');
  const md = [
    '# An OCSP answer per hierarchy',
    '',
    `One run, ${meta.date}, Node ${meta.node}, ${meta.cpus} cores (shared); medians of ${RUNS} warm runs in milliseconds; in-memory keys.`,
    'One answer about a seal certificate and its TSA certificate, carrying the responder certificate (as the platform makes it for a',
    "document's validation data or an OCSP request); reading it checks the responder's signature.",
    '',
    '| hierarchy | answer bytes | make ms | read ms |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${r.bytes} | ${r.makeMs} | ${r.readMs} |`),
    `| SM2 ÷ P-256 | ${ratio(sm2.bytes, p256.bytes)} | ${ratio(sm2.makeMs, p256.makeMs)} | ${ratio(sm2.readMs, p256.readMs)} |`,
    '',
    'SM2 signs and verifies in JavaScript (engines/gm on @noble/curves: OpenSSL in Node cannot take the distinguishing ID), P-256',
    'in OpenSSL through node:crypto.',
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'ocsp.md'), md);
  console.log(md);
}
