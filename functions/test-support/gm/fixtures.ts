import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The OFD / GB/T 38540 sample files made by another implementation (ofdrw), in the workplace's shared folder. */
export const OFD_FIXTURES = join(__dirname, '../../../../shared/fixtures/ofd');

export const ofdFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(OFD_FIXTURES, name)));
