import * as asn1js from 'asn1js';
import { createTestPki, createCrl } from './index';
(async () => {
  const p = await createTestPki();
  const orig = asn1js.fromBER;
  (asn1js as any).fromBER = undefined;
  for (const n of [1100, 1200, 1300, 1400]) {
    const entries = Array.from({ length: n }, (_, i) => ({ serialNumber: (0x4000000000000000n + BigInt(i) * 7919n).toString(16), revokedAt: new Date('2026-01-01'), reason: 'superseded' as const }));
    try { const c = await createCrl({ signer: p.rootSigner, issuerCertificate: p.root, entries, thisUpdate: new Date(), nextUpdate: new Date(Date.now() + 864e5), crlNumber: 1 }); console.log(n, 'ok', c.length); } catch (e) { console.log(n, 'fail'); }
  }
})();
