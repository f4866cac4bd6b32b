import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpensslWorkspace } from '../pki/openssl';

/** The PKI tests' openssl scratch directory, plus reading back what openssl wrote. */
export class GmOpenssl extends OpensslWorkspace {
  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(join(this.dir, name)));
  }

  /** True when `openssl pkeyutl -verify` accepts an SM2 signature over a file with the given distinguishing ID. */
  sm2Verifies(publicKeyFile: string, messageFile: string, signatureFile: string, distinguishingId: string): boolean {
    const keyform = publicKeyFile.endsWith('.pem') ? 'PEM' : 'DER';
    const { output } = this.run(['pkeyutl', '-verify', '-pubin', '-inkey', publicKeyFile, '-keyform', keyform, '-rawin', '-digest', 'sm3', '-in', messageFile, '-sigfile', signatureFile, '-pkeyopt', `distid:${distinguishingId}`]);
    return output.includes('Signature Verified Successfully');
  }
}
