/**
 * Differential run over a corpus (issue 14): sign each PDF with the platform engine, then ask
 * pdfsig, `qpdf --check` and our verifier. Inputs: every PDF under CORPUS_DIR (default
 * bench/tmp/corpus; nothing there is committed: `scripts/corpus.sh` fills it from a local copy of
 * pdf.js's test PDFs), the Debian documentation PDFs on the machine, and documents we make, each
 * also rewritten by qpdf (object streams on and off, linearized, PDF 1.3 and 2.0, uncompressed).
 * Writes bench/results/corpus.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toPem } from '../functions/src/engines/pki/pem';
import { verifyPdf } from '../functions/src/engines/pdf/verify';
import { signingWorld, samplePdf } from '../functions/test-support/pdf/signed-fixtures';
import { formPdf } from '../functions/test-support/pdf/later-revisions';
import { pdfsig } from '../functions/test-support/pdf/third-party';

const TMP = join(__dirname, 'tmp');
const RESULTS = join(__dirname, 'results');
const CORPUS = process.env.CORPUS_DIR ?? join(TMP, 'corpus');
const LIMIT = Number(process.env.CORPUS_LIMIT ?? 100_000);
const MAX_BYTES = 50 * 1024 * 1024;

const QPDF_VARIANTS: [string, string[]][] = [
  ['object streams', ['--object-streams=generate']],
  ['no object streams', ['--object-streams=disable']],
  ['linearized', ['--linearize']],
  ['PDF 1.3', ['--force-version=1.3', '--object-streams=disable']],
  ['PDF 2.0', ['--force-version=2.0', '--object-streams=generate']],
  ['uncompressed (QDF)', ['--qdf', '--object-streams=disable']],
];

function listPdfs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listPdfs(path);
    return /\.pdf$/i.test(name) && statSync(path).size <= MAX_BYTES ? [path] : [];
  });
}

function qpdfCheck(bytes: Uint8Array, file: string): 'clean' | 'warnings' | 'errors' {
  writeFileSync(file, bytes);
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return run.status === 0 ? 'clean' : run.status === 3 ? 'warnings' : 'errors';
}

function qpdfVariant(input: string, args: string[], output: string): Uint8Array | null {
  const run = spawnSync('qpdf', [...args, input, output]);
  return run.status === 0 || run.status === 3 ? new Uint8Array(readFileSync(output)) : null;
}

export async function run(): Promise<void> {
  mkdirSync(join(TMP, 'variants'), { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const world = await signingWorld(new Date());
  const rootPem = toPem(world.pki.root);

  const inputs: { name: string; bytes: Uint8Array }[] = [];
  const made = [
    ['made: 3 pages, xref table', await samplePdf({ pages: 3, xref: 'table' })],
    ['made: 3 pages, xref stream', await samplePdf({ pages: 3, xref: 'stream' })],
    ['made: form field', await formPdf()],
  ] as const;
  const bases = [...made.map(([n, b]) => ({ name: n, bytes: b })), ...listPdfs('/usr/share/doc').map((p) => ({ name: `debian: ${p.split('/').pop()}`, bytes: new Uint8Array(readFileSync(p)) }))];
  for (const base of bases) {
    inputs.push(base);
    const file = join(TMP, 'variants', 'base.pdf');
    writeFileSync(file, base.bytes);
    for (const [label, args] of QPDF_VARIANTS) {
      const bytes = qpdfVariant(file, args, join(TMP, 'variants', 'out.pdf'));
      if (bytes) inputs.push({ name: `${base.name} (qpdf: ${label})`, bytes });
    }
  }
  for (const p of listPdfs(CORPUS).slice(0, LIMIT)) inputs.push({ name: `corpus: ${p.slice(CORPUS.length + 1)}`, bytes: new Uint8Array(readFileSync(p)) });

  const counts = { inputs: inputs.length, signed: 0, oursValid: 0, pdfsigValid: 0, agree: 0, qpdfInputClean: 0, qpdfOutputClean: 0, qpdfCleanKept: 0 };
  const refused = new Map<string, number>();
  const disagreements: string[] = [];
  const check = join(TMP, 'variants', 'check.pdf');
  let oursMs = 0;
  for (const input of inputs) {
    const inputCheck = qpdfCheck(input.bytes, check);
    if (inputCheck === 'clean') counts.qpdfInputClean++;
    let signed: Uint8Array;
    try {
      signed = await world.sign(input.bytes);
    } catch (e) {
      const code = (e as { code?: string }).code ?? (e as Error).message.slice(0, 60);
      refused.set(code, (refused.get(code) ?? 0) + 1);
      continue;
    }
    counts.signed++;
    const t = performance.now();
    const ours = await verifyPdf(signed, { trustedRoots: world.trustedRoots }).catch((e: { code?: string }) => ({ indication: e.code ?? 'ERROR', signatures: [] as { fieldName: string; indication: string }[] }));
    oursMs += performance.now() - t;
    // Our signature is the last one; earlier ones (signed elsewhere) are judged by their own trust.
    const oursLast = ours.signatures[ours.signatures.length - 1]?.indication ?? ours.indication;
    const theirs = pdfsig(signed, [rootPem]).verdicts;
    const theirsLast = theirs[theirs.length - 1] ?? 'none';
    const outputCheck = qpdfCheck(signed, check);
    if (oursLast === 'TOTAL_PASSED') counts.oursValid++;
    if (theirsLast === 'TOTAL_PASSED') counts.pdfsigValid++;
    if (outputCheck === 'clean') counts.qpdfOutputClean++;
    if (inputCheck === 'clean' && outputCheck === 'clean') counts.qpdfCleanKept++;
    if (oursLast === theirsLast) counts.agree++;
    else if (disagreements.length < 30) disagreements.push(`| ${input.name} | ${oursLast} | ${theirsLast} | ${inputCheck} → ${outputCheck} |`);
  }
  const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : 'n/a');
  const meta = { date: new Date().toISOString(), node: process.version };
  writeFileSync(join(RESULTS, 'corpus.json'), JSON.stringify({ ...meta, counts, refused: Object.fromEntries(refused), disagreements }, null, 2) + '\n');
  const md = [
    '# Differential corpus run: sign, then pdfsig, qpdf --check and our verifier',
    '',
    `${meta.date}, Node ${meta.node}. Corpus: ${CORPUS} (pdf.js test PDFs when filled by scripts/corpus.sh), /usr/share/doc, documents we make; each of ours and Debian's also rewritten by qpdf (${QPDF_VARIANTS.map(([l]) => l).join(', ')}).`,
    '',
    '| | count | share |',
    '| --- | ---: | ---: |',
    `| inputs | ${counts.inputs} | |`,
    `| signed by the platform engine (signable share) | ${counts.signed} | ${pct(counts.signed, counts.inputs)} |`,
    `| our verifier: our signature TOTAL_PASSED | ${counts.oursValid} | ${pct(counts.oursValid, counts.signed)} |`,
    `| pdfsig: our signature valid and trusted | ${counts.pdfsigValid} | ${pct(counts.pdfsigValid, counts.signed)} |`,
    `| our verifier and pdfsig agree | ${counts.agree} | ${pct(counts.agree, counts.signed)} |`,
    `| qpdf --check clean: inputs / signed outputs | ${counts.qpdfInputClean} / ${counts.qpdfOutputClean} | |`,
    `| clean inputs still clean after signing | ${counts.qpdfCleanKept} | ${pct(counts.qpdfCleanKept, counts.qpdfInputClean)} |`,
    '',
    `Our verifier took ${(oursMs / Math.max(1, counts.signed)).toFixed(1)} ms per signed file on average (first-time: caches warm only for the platform root).`,
    '',
    'Not signed, by reason:',
    '',
    ...[...refused].sort((a, b) => b[1] - a[1]).map(([code, n]) => `- ${code}: ${n}`),
    '',
    ...(disagreements.length ? ['Disagreements (first 30):', '', '| input | ours | pdfsig | qpdf check in → out |', '| --- | --- | --- | --- |', ...disagreements, ''] : ['No disagreements.', '']),
  ].join('\n');
  writeFileSync(join(RESULTS, 'corpus.md'), md);
  console.log(md);
}
