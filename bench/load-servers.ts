/**
 * The serving side of `npm run load` (bench/load.ts), in its own process so the load generator does
 * not share its event loop: an empty node:http server and the local stack the API tests use, with a
 * logged-in seed legal representative, a claimed seal, a signed 1-page PDF and documents uploaded to
 * sign. Tells the parent what it made over IPC, then serves until the parent says stop.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDocumentsStack } from '../functions/test-support/documents-stack';
import { samplePdf } from '../functions/test-support/pdf/sample-pdf';
import { download } from '../functions/dev/demo/platform-client';

export interface LoadServers {
  empty: string;
  url: string;
  token: string;
  sealId: string;
  pin: string;
  signedPdfBase64: string;
  documentIds: string[];
}

const PIN = '258036';

async function main(): Promise<void> {
  const documents = Number(process.env.LOAD_DOCUMENTS ?? 16);
  const empty = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => empty.listen(0, '127.0.0.1', resolve));
  const emptyUrl = `http://127.0.0.1:${(empty.address() as AddressInfo).port}`;
  if (process.env.LOAD_STACK === 'none') {
    // `--target`: the parent loads an already running stack; only the floor is served here.
    process.send!({ empty: emptyUrl, url: '', token: '', sealId: '', pin: '', signedPdfBase64: '', documentIds: [] } satisfies LoadServers);
    process.on('message', () => process.exit(0));
    process.on('disconnect', () => process.exit(0));
    return;
  }
  const t = await startDocumentsStack();
  const companyId = t.companyOf('lr-xinchuang').creditCode;
  const token = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token });
  const sealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId as string;
  await t.api.claimSeal(token, companyId, sealId, PIN);
  const pdf = await samplePdf({ pages: 1 });
  const first = await t.api.upload(token, '采购合同.pdf', pdf);
  const result = await t.api.expect(200, '签章', 'POST', `/v1/documents/${first}/sign`, {
    token,
    body: { sealId, pin: PIN, placements: [{ page: 1, x: 300, y: 100 }] },
  });
  const signed = await download(result.downloadUrl);
  const documentIds: string[] = [];
  for (let i = 0; i < documents; i++) documentIds.push(await t.api.upload(token, `合同-${i}.pdf`, pdf));
  const ready: LoadServers = {
    empty: emptyUrl,
    url: t.stack.url,
    token,
    sealId,
    pin: PIN,
    signedPdfBase64: Buffer.from(signed).toString('base64'),
    documentIds,
  };
  process.send!(ready);
  process.on('message', async () => {
    empty.close();
    await t.stop();
    process.exit(0);
  });
  // The parent gone (killed, crashed): stop too, never leave emulators behind.
  process.on('disconnect', async () => {
    await t.stop().catch(() => undefined);
    process.exit(0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
