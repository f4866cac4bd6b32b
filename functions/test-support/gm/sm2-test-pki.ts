import { InMemorySm2Signer } from '../../src/engines/gm';
import type { GmOpenssl } from './openssl';

/** An SM2 certificate with its key, made by OpenSSL for tests (the SM2 PKI of the platform comes later). */
export interface Sm2TestIdentity {
  certificate: Uint8Array;
  signer: InMemorySm2Signer;
  /** File names in the openssl workspace. */
  certificateFile: string;
  keyFile: string;
}

const DISTID = ['-sigopt', 'distid:1234567812345678'];

/**
 * A root, a seal maker (制章者) and seal holders, all SM2 with SM3, issued with `openssl x509 -req`
 * (OpenSSL signs certificates with the given distinguishing ID).
 */
export function sm2TestPki(openssl: GmOpenssl, holders: string[]): { root: Sm2TestIdentity; maker: Sm2TestIdentity; holders: Sm2TestIdentity[] } {
  const root = identity(openssl, 'root', '/C=CN/O=Test SM2 Root/CN=Test SM2 Root', undefined);
  const maker = identity(openssl, 'maker', '/C=CN/O=Seal Platform/CN=Seal Maker', root);
  return { root, maker, holders: holders.map((name, i) => identity(openssl, `holder${i}`, `/C=CN/O=${name}/CN=${name}`, root)) };
}

function identity(openssl: GmOpenssl, name: string, subject: string, issuer: Sm2TestIdentity | undefined): Sm2TestIdentity {
  const run = (args: string[]) => {
    const { status, output } = openssl.run(args);
    if (status !== 0) throw new Error(`openssl ${args[0]} failed: ${output}`);
  };
  run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:sm2', '-out', `${name}.key.pem`]);
  run(['pkcs8', '-topk8', '-nocrypt', '-in', `${name}.key.pem`, '-outform', 'DER', '-out', `${name}.p8`]);
  run(['req', '-new', '-key', `${name}.key.pem`, '-subj', subject, '-sm3', ...DISTID, '-out', `${name}.csr`]);
  if (issuer) {
    openssl.file(`${name}.ext`, 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
    run(['x509', '-req', '-in', `${name}.csr`, '-CA', issuer.certificateFile, '-CAkey', issuer.keyFile, '-CAcreateserial', '-days', '3650', '-sm3', ...DISTID, '-vfyopt', 'distid:1234567812345678', '-extfile', `${name}.ext`, '-outform', 'DER', '-out', `${name}.der`]);
  } else {
    openssl.file(`${name}.ext`, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
    run(['x509', '-req', '-in', `${name}.csr`, '-signkey', `${name}.key.pem`, '-days', '3650', '-sm3', ...DISTID, '-vfyopt', 'distid:1234567812345678', '-extfile', `${name}.ext`, '-outform', 'DER', '-out', `${name}.der`]);
  }
  run(['x509', '-inform', 'DER', '-in', `${name}.der`, '-out', `${name}.pem`]);
  return { certificate: openssl.read(`${name}.der`), signer: InMemorySm2Signer.fromPkcs8(openssl.read(`${name}.p8`)), certificateFile: `${name}.pem`, keyFile: `${name}.key.pem` };
}
