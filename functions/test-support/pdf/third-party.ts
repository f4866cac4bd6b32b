import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { children, readTlv } from '../../src/engines/pki/der';

/**
 * Signatures made elsewhere, with the tools others use: an RSA root and leaf keys of every common
 * kind made by the openssl command line, CMS made by `openssl cms -sign`, and poppler's pdfsig as the
 * independent judge. Tests compare the platform verifier's bottom line with pdfsig's.
 */
export type LeafKind = 'rsa' | 'rsa1024' | 'p256' | 'p384' | 'p521';

export interface Leaf {
  key: string;
  cert: string;
  der: Uint8Array;
}

export class ThirdPartyPki {
  readonly dir = mkdtempSync(join(tmpdir(), 'third-party-pki-'));
  readonly rootPem: string;
  readonly rootDer: Uint8Array;
  private readonly leaves = new Map<LeafKind, Leaf>();

  constructor(readonly name = 'Third Party Test Root') {
    this.openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '3650', '-subj', `/CN=${name}/O=Elsewhere`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    this.rootPem = join(this.dir, 'root.pem');
    this.rootDer = pemToDer(readFileSync(this.rootPem, 'utf8'));
    writeFileSync(join(this.dir, 'leaf.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  }

  leaf(kind: LeafKind): Leaf {
    const had = this.leaves.get(kind);
    if (had) return had;
    const keyArgs: Record<LeafKind, string[]> = {
      rsa: ['-newkey', 'rsa:2048'],
      rsa1024: ['-newkey', 'rsa:1024'],
      p256: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
      p384: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'],
      p521: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-521'],
    };
    this.openssl(['req', ...keyArgs[kind], '-nodes', '-keyout', `${kind}.key`, '-out', `${kind}.csr`, '-subj', `/CN=Signer ${kind}/O=Elsewhere Ltd`]);
    this.openssl(['x509', '-req', '-in', `${kind}.csr`, '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '365', '-out', `${kind}.pem`, '-extfile', 'leaf.ext']);
    const leaf = { key: join(this.dir, `${kind}.key`), cert: join(this.dir, `${kind}.pem`), der: pemToDer(readFileSync(join(this.dir, `${kind}.pem`), 'utf8')) };
    this.leaves.set(kind, leaf);
    return leaf;
  }

  /** `openssl cms -sign` over `content`, detached, DER (BER with `stream`), with the root in the certificate set. */
  cms(kind: LeafKind, content: Uint8Array, o: { noattr?: boolean; stream?: boolean; md?: 'sha1' | 'sha256' | 'sha384' | 'sha512'; pss?: boolean; cades?: boolean } = {}): Uint8Array {
    const leaf = this.leaf(kind);
    const input = join(this.dir, 'content.bin');
    writeFileSync(input, content);
    const out = join(this.dir, 'sig.der');
    this.openssl([
      'cms', '-sign', '-binary', '-in', input, '-signer', leaf.cert, '-inkey', leaf.key, '-certfile', this.rootPem, '-outform', 'DER', '-out', out,
      '-md', o.md ?? 'sha256',
      ...(o.noattr ? ['-noattr'] : []),
      ...(o.stream ? ['-stream'] : []),
      ...(o.pss ? ['-keyopt', 'rsa_padding_mode:pss'] : []),
      ...(o.cades ? ['-cades'] : []),
    ]);
    const cms = new Uint8Array(readFileSync(out));
    return o.stream ? detach(cms) : cms;
  }

  private openssl(args: string[]): void {
    execFileSync('openssl', args, { cwd: this.dir, stdio: 'pipe' });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * `openssl cms -sign -stream` embeds the content (BER, indefinite lengths throughout). A streaming
 * signer that signs detached (BouncyCastle's, for one) writes the same BER without eContent: cut it
 * out. The encapsulated content info has an indefinite length, so no length changes.
 */
function detach(cms: Uint8Array): Uint8Array {
  const top = readTlv(cms, 0, cms.length, { ber: true });
  const [, explicit] = children(cms, top);
  const [signedData] = children(cms, explicit!);
  const encap = children(cms, signedData!)[2]!;
  const eContent = children(cms, encap)[1];
  if (!eContent || encap.after === encap.end) throw new Error('expected a streamed (indefinite) encapsulated content');
  return new Uint8Array(Buffer.concat([cms.subarray(0, eContent.start), cms.subarray(eContent.after)]));
}

export function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
}

export type PdfsigVerdict = 'TOTAL_PASSED' | 'INDETERMINATE' | 'TOTAL_FAILED';

/**
 * poppler's pdfsig on a file, trusting `rootsPem`: per signature, "Signature is Valid" with a
 * trusted certificate → TOTAL_PASSED, valid but untrusted → INDETERMINATE, anything else → TOTAL_FAILED.
 * Run asynchronously: a certificate naming an OCSP responder (Authority Information Access) makes
 * NSS ask it, and the platform's responder in a test answers from this very process (decision 0172).
 */
export async function pdfsig(pdf: Uint8Array, rootsPem: string[]): Promise<{ verdicts: PdfsigVerdict[]; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  try {
    mkdirSync(join(dir, 'nss'));
    const db = `sql:${join(dir, 'nss')}`;
    execFileSync('certutil', ['-N', '--empty-password', '-d', db]);
    rootsPem.forEach((pem, i) => {
      const file = join(dir, `root${i}.pem`);
      writeFileSync(file, pem.includes('-----') ? pem : readFileSync(pem, 'utf8'));
      execFileSync('certutil', ['-A', '-n', `root${i}`, '-t', 'CT,C,C', '-i', file, '-d', db]);
    });
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const output = await new Promise<string>((resolve) =>
      // pdfsig exits non-zero for an untrusted or invalid signature: its report is still the answer.
      execFile('pdfsig', ['-nssdir', db, join(dir, 'doc.pdf')], { encoding: 'utf8' }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`)),
    );
    const verdicts = output
      .split(/Signature #\d+:/)
      .slice(1)
      .map((block): PdfsigVerdict => {
        if (!/Signature Validation: Signature is Valid/.test(block)) return 'TOTAL_FAILED';
        return /Certificate Validation: Certificate is Trusted/.test(block) ? 'TOTAL_PASSED' : 'INDETERMINATE';
      });
    return { verdicts, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
