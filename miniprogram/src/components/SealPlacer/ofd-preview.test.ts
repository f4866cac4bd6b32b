import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import { openOfdPreview } from './page-preview.h5';

// Every browser has these; jsdom does not.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const FIXTURES = join(__dirname, '../../../../functions/test-support/fixtures/ofd');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name))).buffer;

describe('an OFD opened on the phone (H5)', () => {
  it('gives each page its box in points and draws it as an SVG image with the page’s text', async () => {
    const preview = (await openOfdPreview(bytes('V4RideRight.ofd')))!;
    expect(preview.pageCount).toBe(5);
    expect(preview.boxes[0]!.x1).toBeCloseTo((210 * 72) / 25.4, 2);
    expect(preview.boxes[0]!.y1).toBeCloseTo((297 * 72) / 25.4, 2);
    const hello = (await openOfdPreview(bytes('helloworld.ofd')))!;
    const url = await hello.renderPage(1, 1);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.split(',')[1]!)).toContain('你好呀，OFD Reader&amp;Writer！');
  });

  it('gives nothing for a file it cannot read (outlines stay, the server decides)', async () => {
    await expect(openOfdPreview(new TextEncoder().encode('not an OFD').buffer)).resolves.toBeUndefined();
  });
});
