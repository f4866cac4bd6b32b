import { unzipSync, zipSync } from 'fflate';
import { ofdFixture } from '../../../test-support/gm/fixtures';
import { OfdError, readContainer, verifyOfd } from './index';

/** Malformed and hostile packages get a coded refusal, bounded in cost, never a crash or an allocation they dictate. */
const helloworld = () => new Map(Object.entries(unzipSync(ofdFixture('SESV4SignDoc.ofd'))));
const pack = (files: Map<string, Uint8Array> | Record<string, Uint8Array>) => zipSync(files instanceof Map ? Object.fromEntries(files) : files);
const text = (value: string) => new TextEncoder().encode(value);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OfdError);
    return (error as OfdError).code;
  }
  throw new Error('expected a refusal');
}

describe('the package (zip)', () => {
  it('refuses what is not a zip', () => {
    expect(refusal(() => verifyOfd(text('%PDF-1.7')))).toBe('OFD_UNREADABLE');
    expect(refusal(() => verifyOfd(ofdFixture('helloworld.ofd').subarray(0, 300)))).toBe('OFD_UNREADABLE');
  });

  it('refuses a zip bomb from its declared sizes, before inflating', () => {
    const bomb = zipSync({ 'OFD.xml': new Uint8Array(20 * 1024 * 1024) }); // 20 MiB of zeros in ~20 KiB
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(refusal(() => readContainer(bomb))).toBe('OFD_TOO_LARGE'); // ratio over 200:1
    expect(refusal(() => readContainer(bomb, { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 1e9, maxRatio: 1e9 }))).toBe('OFD_TOO_LARGE');
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 50; i++) many[`f${i}`] = new Uint8Array(1);
    expect(refusal(() => readContainer(zipSync(many), { maxEntries: 20, maxEntryBytes: 1e6, maxTotalBytes: 1e6, maxRatio: 200 }))).toBe('OFD_TOO_LARGE');
  });

  it('inflates no more than a header declares: an understated size truncates the file, and its digest fails', () => {
    const files = helloworld();
    const zip = Buffer.from(pack(files));
    // Understate Content.xml's uncompressed size in the central directory.
    const name = Buffer.from('Doc_0/Pages/Page_0/Content.xml');
    let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (at >= 0 && !zip.subarray(at + 46, at + 46 + name.length).equals(name)) at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    expect(at).toBeGreaterThan(0);
    zip.writeUInt32LE(100, at + 24);
    expect(readContainer(new Uint8Array(zip)).get('Doc_0/Pages/Page_0/Content.xml')!.length).toBe(100);
    const [report] = verifyOfd(new Uint8Array(zip)).signatures;
    expect(report!.problems).toContain('REFERENCE_MISMATCH');
  });

  it.each([
    ['../escape.xml', 'climbs out'],
    ['/etc/passwd', 'is absolute'],
    ['Doc_0\\..\\x', 'has a backslash'],
    ['Doc_0//x', 'has an empty segment'],
    ['a/./b', 'has a "." segment'],
  ])('refuses an entry named %s (%s)', (name) => {
    const files = helloworld();
    files.set(name, text('x'));
    expect(refusal(() => verifyOfd(pack(files)))).toBe('OFD_BAD_ENTRY_NAME');
  });

  it('refuses an entry named __proto__ (it would be the prototype of a plain object)', () => {
    const zip = Buffer.from(zipSync({ 'OFD.xml': text('<a/>'), aaaaaaaaa: text('x') }));
    for (let at = zip.indexOf('aaaaaaaaa'); at >= 0; at = zip.indexOf('aaaaaaaaa', at + 1)) zip.write('__proto__', at);
    expect(refusal(() => readContainer(new Uint8Array(zip)))).toBe('OFD_BAD_ENTRY_NAME');
  });

  it('refuses two entries with the same name', () => {
    // Two entries "OFD.xml" and "OFD.xmX", then the second renamed in place (local header and central directory).
    const zip = Buffer.from(zipSync({ 'OFD.xml': text('<a/>'), 'OFD.xmX': text('<b/>') }));
    for (let at = zip.indexOf('OFD.xmX'); at >= 0; at = zip.indexOf('OFD.xmX', at + 1)) zip.write('OFD.xml', at);
    expect(refusal(() => readContainer(new Uint8Array(zip)))).toBe('OFD_BAD_ENTRY_NAME');
  });

  it('refuses locations that climb out of the package', () => {
    const files = helloworld();
    files.set('OFD.xml', text(new TextDecoder().decode(files.get('OFD.xml')).replace('Doc_0/Document.xml', '../../Document.xml')));
    expect(refusal(() => verifyOfd(pack(files)))).toBe('OFD_BAD_ENTRY_NAME');
  });
});

describe('the XML', () => {
  const withOfdXml = (xml: string) => {
    const files = helloworld();
    files.set('OFD.xml', text(xml));
    return pack(files);
  };

  it('refuses DOCTYPEs and entity declarations (billion laughs, external entities)', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016">&lol2;</ofd:OFD>';
    expect(refusal(() => verifyOfd(withOfdXml(laughs)))).toBe('OFD_BAD_XML');
    const external = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>';
    expect(refusal(() => verifyOfd(withOfdXml(external)))).toBe('OFD_BAD_XML');
  });

  it('refuses nesting deeper than the limit, malformed XML and non-UTF-8 bytes', () => {
    expect(refusal(() => verifyOfd(withOfdXml(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`)))).toBe('OFD_BAD_XML');
    expect(refusal(() => verifyOfd(withOfdXml('<ofd:OFD><ofd:DocBody></ofd:OFD>')))).toBe('OFD_BAD_XML');
    const files = helloworld();
    files.set('OFD.xml', new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]));
    expect(refusal(() => verifyOfd(pack(files)))).toBe('OFD_BAD_XML');
  });
});

describe('missing parts', () => {
  it('refuses a package without OFD.xml or without its document root', () => {
    const noEntry = helloworld();
    noEntry.delete('OFD.xml');
    expect(refusal(() => verifyOfd(pack(noEntry)))).toBe('OFD_MISSING_PART');
    const noRoot = helloworld();
    noRoot.delete('Doc_0/Document.xml');
    expect(refusal(() => verifyOfd(pack(noRoot)))).toBe('OFD_MISSING_PART');
  });

  it('reports a protected file that is gone, and refuses an unsigned package for verification', () => {
    const files = helloworld();
    files.delete('Doc_0/PublicRes.xml');
    const [report] = verifyOfd(pack(files)).signatures;
    expect(report).toMatchObject({ indication: 'TOTAL_FAILED' });
    expect(report!.problems).toContain('REFERENCE_MISSING');
    expect(refusal(() => verifyOfd(ofdFixture('helloworld.ofd')))).toBe('OFD_NOT_SIGNED');
  });

  it('fails a signature whose SignedValue.dat is gone or is not a signature', () => {
    const gone = helloworld();
    gone.delete('Doc_0/Signs/Sign_0/SignedValue.dat');
    expect(verifyOfd(pack(gone)).signatures[0]!.problems).toContain('SIGNED_VALUE_MISSING');
    const junk = helloworld();
    junk.set('Doc_0/Signs/Sign_0/SignedValue.dat', text('not a signature'));
    expect(verifyOfd(pack(junk)).signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', problems: expect.arrayContaining(['SIGNED_VALUE_UNREADABLE']) });
  });
});
