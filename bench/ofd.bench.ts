/**
 * Sign and verify a 100-page OFD with SM2 seals (GB/T 38540 seal signatures, decision 0175), beside
 * signing and verifying a 100-page PDF in the same run, so the figures compare as ratios on one
 * machine at one moment. OFD: the engine's two phases with an in-memory SM2 key, and the platform's
 * verification (the OFD adapter: the engine's checks, chains to the root). PDF: the platform's
 * PAdES B-T signature (P-256, with the in-process TSA) and its verifier.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { signOfd } from '../functions/src/engines/ofd';
import { makeSeal } from '../functions/src/engines/ses';
import { ofdVerifier } from '../functions/src/adapters/ofd-format/verify';
import { clearVerificationCaches, verifyPdf } from '../functions/src/engines/pdf/verify';
import { signingWorld, samplePdf } from '../functions/test-support/pdf/signed-fixtures';
import { ofdFixture } from '../functions/test-support/gm/fixtures';
import { GmOpenssl } from '../functions/test-support/gm/openssl';
import { sm2TestPki, type Sm2TestIdentity } from '../functions/test-support/gm/sm2-test-pki';
import { medianMs } from './timing';

const RESULTS = join(__dirname, 'results');
const PAGES = 100;
const RUNS = 9;

/** ofdrw's one-page sample grown to `pages` pages, each with a few lines of text. */
function ofdOfPages(pages: number): Uint8Array {
  const files = unzipSync(ofdFixture('helloworld.ofd'));
  const content = (n: number) =>
    strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="${1000 + n}">` +
        Array.from({ length: 20 }, (_, line) => `<ofd:TextObject ID="${100_000 + n * 100 + line}" Boundary="20 ${20 + line * 12} 170 10" Font="3" Size="4"><ofd:TextCode X="0" Y="4">第${n + 1}页第${line + 1}行：合同条款正文</ofd:TextCode></ofd:TextObject>`).join('') +
        '</ofd:Layer></ofd:Content></ofd:Page>',
    );
  for (let n = 0; n < pages; n++) files[`Doc_0/Pages/Page_${n}/Content.xml`] = content(n);
  const pageList = Array.from({ length: pages }, (_, n) => `<ofd:Page ID="${n + 1}" BaseLoc="Pages/Page_${n}/Content.xml"/>`).join('');
  files['Doc_0/Document.xml'] = strToU8(new TextDecoder().decode(files['Doc_0/Document.xml']).replace(/<ofd:Pages>.*<\/ofd:Pages>/, `<ofd:Pages>${pageList}</ofd:Pages>`).replace(/<ofd:MaxUnitID>\d+<\/ofd:MaxUnitID>/, '<ofd:MaxUnitID>200000</ofd:MaxUnitID>'));
  return zipSync(files);
}

const sealOf = (maker: Sm2TestIdentity, holder: Sm2TestIdentity, esId: string) =>
  makeSeal(
    {
      vid: 'seal-platform',
      esId,
      type: 1,
      name: '合同专用章',
      signerCertificates: [holder.certificate],
      createDate: new Date(),
      validStart: new Date(Date.now() - 86_400_000),
      validEnd: new Date(Date.now() + 365 * 86_400_000),
      picture: { type: 'SVG', data: strToU8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 42 42"><circle cx="21" cy="21" r="20" fill="none" stroke="red"/></svg>'), widthMm: 42, heightMm: 42 },
    },
    maker,
  );

export async function run(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const openssl = new GmOpenssl();
  try {
    const { root, maker, holders } = sm2TestPki(openssl, ['Company A', 'Company B']);
    const [a, b] = holders as [Sm2TestIdentity, Sm2TestIdentity];
    const [sealA, sealB] = await Promise.all([sealOf(maker, a, 'BENCH-A'), sealOf(maker, b, 'BENCH-B')]);
    const ofd = ofdOfPages(PAGES);
    const sign = (bytes: Uint8Array, seal: Uint8Array, holder: Sm2TestIdentity) =>
      signOfd({ ofd: bytes, seal, signerCertificate: holder.certificate, signingTime: new Date(), stamps: [{ page: 1, x: 120, y: 200, width: 42, height: 42 }] }, holder.signer);
    const ofdOnce = await sign(ofd, sealA, a);
    const ofdTwice = await sign(ofdOnce, sealB, b);
    const verifyOfdReport = async (bytes: Uint8Array) => {
      const report = await ofdVerifier.verify(bytes, { trustedRoots: [root.certificate], now: new Date() });
      if (report.verdict !== 'valid') throw new Error(`OFD not valid: ${JSON.stringify(report.signatures.map((s) => s.findings))}`);
    };

    const world = await signingWorld(new Date());
    const pdf = await samplePdf({ pages: PAGES });
    const pdfOnce = await world.sign(pdf);
    const pdfTwice = await world.sign(pdfOnce, { as: 'second' });
    const verifyPdfReport = async (bytes: Uint8Array) => {
      clearVerificationCaches();
      const report = await verifyPdf(bytes, { trustedRoots: world.trustedRoots });
      if (report.verdict !== 'valid') throw new Error(`PDF not valid: ${report.subIndication}`);
    };

    const ofdRow = {
      signMs: await medianMs(RUNS, () => sign(ofd, sealA, a)),
      verifyMs: await medianMs(RUNS, () => verifyOfdReport(ofdOnce)),
      verifyTwoSealsMs: await medianMs(RUNS, () => verifyOfdReport(ofdTwice)),
    };
    const pdfRow = {
      signMs: await medianMs(RUNS, () => world.sign(pdf)),
      verifyMs: await medianMs(RUNS, () => verifyPdfReport(pdfOnce)),
      verifyTwoSealsMs: await medianMs(RUNS, () => verifyPdfReport(pdfTwice)),
    };
    const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100;
    const rows = [
      { document: `${PAGES}-page OFD (SM2)`, bytes: ofd.length, ...ofdRow },
      { document: `${PAGES}-page PDF (P-256, PAdES B-T)`, bytes: pdf.length, ...pdfRow },
    ];
    const ratios = { sign: ratio(ofdRow.signMs, pdfRow.signMs), verify: ratio(ofdRow.verifyMs, pdfRow.verifyMs), verifyTwoSeals: ratio(ofdRow.verifyTwoSealsMs, pdfRow.verifyTwoSealsMs) };
    console.log(rows, ratios);
    const meta = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, note: 'medians in ms; verification first-time (caches cleared) for PDF, OFD keeps none' };
    writeFileSync(join(RESULTS, 'ofd.json'), JSON.stringify({ ...meta, rows, ratios }, null, 2) + '\n');
    const md = [
      '# OFD sign / verify benchmark',
      '',
      `Medians in milliseconds, ${meta.date}, Node ${meta.node}, ${meta.cpus} cores; OFD and PDF in the same run.`,
      '',
      '| document | size | sign | verify (1 seal) | verify (2 seals) |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.document} | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.signMs} | ${r.verifyMs} | ${r.verifyTwoSealsMs} |`),
      `| OFD ÷ PDF | | ${ratios.sign} | ${ratios.verify} | ${ratios.verifyTwoSeals} |`,
      '',
      'OFD signing re-reads and re-writes the whole package (unzip, SM3 of every file, zip); PDF signing appends an incremental',
      'update and includes a timestamp from the in-process TSA. OFD verification hashes every protected file (SM3) per',
      'signature; PDF verification hashes the signed ranges and analyses the later revisions.',
      '',
    ];
    writeFileSync(join(RESULTS, 'ofd.md'), md.join('\n'));
  } finally {
    openssl.dispose();
  }
}
