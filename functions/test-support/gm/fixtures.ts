import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The OFD / GB/T 38540 sample files made by another implementation (ofdrw), kept in the repository (test-support/fixtures/ofd, with their README). */
export const OFD_FIXTURES = join(__dirname, '../fixtures/ofd');

export const ofdFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(OFD_FIXTURES, name)));
