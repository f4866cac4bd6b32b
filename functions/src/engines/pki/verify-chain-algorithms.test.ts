import { verifyChain } from './verify-chain';
import { firstFromPem } from './pem';
import { OpensslWorkspace } from '../../../test-support/pki/openssl';
import { readFileSync } from 'node:fs';

/** Certificates made by the openssl command line with other keys and algorithms than the platform's. */
let openssl: OpensslWorkspace;
beforeAll(() => {
  openssl = new OpensslWorkspace();
  const leafExtensions = 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n';
  openssl.file('leaf.ext', leafExtensions);
  // Without key identifiers the impostor root is a candidate issuer by name alone.
  openssl.file('no-key-id.ext', `${leafExtensions}subjectKeyIdentifier=none\nauthorityKeyIdentifier=none\n`);
});
afterAll(() => openssl.dispose());

function certificate(name: string): Uint8Array {
  return firstFromPem(readFileSync(`${openssl.dir}/${name}.pem`, 'utf8'));
}

/** A self-signed root and a leaf it issues, with `keyArgs` (e.g. `-newkey ec ...`) and `signArgs` (digest, padding). */
function makeChain(prefix: string, keyArgs: string[], signArgs: string[], extensions = 'leaf.ext'): { root: Uint8Array; leaf: Uint8Array } {
  const run = (args: string[]) => {
    const result = openssl.run(args);
    if (result.status !== 0) throw new Error(result.output);
  };
  run([
    'req',
    '-x509',
    ...keyArgs,
    ...signArgs,
    '-nodes',
    '-keyout',
    `${prefix}-root.key`,
    '-out',
    `${prefix}-root.pem`,
    '-days',
    '3650',
    '-subj',
    `/C=CN/O=Other CA/CN=${prefix} root`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  run([
    'req',
    '-new',
    ...keyArgs,
    '-nodes',
    '-keyout',
    `${prefix}-leaf.key`,
    '-out',
    `${prefix}-leaf.csr`,
    '-subj',
    `/C=CN/O=某公司/CN=${prefix} leaf`,
  ]);
  run([
    'x509',
    '-req',
    '-in',
    `${prefix}-leaf.csr`,
    '-CA',
    `${prefix}-root.pem`,
    '-CAkey',
    `${prefix}-root.key`,
    ...signArgs,
    '-set_serial',
    '7',
    '-days',
    '365',
    '-extfile',
    extensions,
    '-out',
    `${prefix}-leaf.pem`,
  ]);
  return { root: certificate(`${prefix}-root`), leaf: certificate(`${prefix}-leaf`) };
}

describe('verifyChain with other signature algorithms', () => {
  it.each([
    ['ECDSA P-384 with SHA-384', 'p384', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], ['-sha384']],
    ['RSA with SHA-256', 'rsa', ['-newkey', 'rsa:2048'], ['-sha256']],
    [
      'RSA-PSS with SHA-256',
      'pss',
      ['-newkey', 'rsa:2048'],
      ['-sha256', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32'],
    ],
  ])('trusts a chain signed with %s, and refuses a leaf from a same-named root', async (_, prefix, keyArgs, signArgs) => {
    const { root, leaf } = makeChain(prefix, keyArgs, signArgs);
    const impostor = makeChain(prefix, keyArgs, signArgs, 'no-key-id.ext');
    expect(await verifyChain({ certificate: leaf, trustedRoots: [root], at: new Date() })).toEqual({ trusted: true, chain: [leaf, root] });
    expect(await verifyChain({ certificate: impostor.leaf, trustedRoots: [root], at: new Date() })).toMatchObject({
      trusted: false,
      code: 'BAD_SIGNATURE',
    });
  });
});
