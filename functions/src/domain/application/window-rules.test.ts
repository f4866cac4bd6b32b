import { readSealImage } from './seal-image';
import { newReference, REFERENCE_PATTERN } from './reference-number';
import { bilingualNameRefusal, windowRequiredFor } from './window-rules';
import { isNewlyRegistered } from './starter-seals';

describe('window rules, references, seal images', () => {
  it('sends several executive partners and bilingual name seals to the window, nothing else', () => {
    expect(windowRequiredFor({ type: 'partnership', executivePartners: 3 })).toContain('窗口');
    expect(windowRequiredFor({ type: 'partnership', executivePartners: 1 })).toBeNull();
    expect(windowRequiredFor({ type: 'foreign_invested', executivePartners: 1, bilingualName: true })).toContain('中英文');
    expect(windowRequiredFor({ type: 'domestic', executivePartners: 1 })).toBeNull();
  });

  it('takes a bilingual company-name seal only from a foreign-invested company asking for 法定名称章', () => {
    expect(bilingualNameRefusal({ type: 'foreign_invested', bilingualName: true, kinds: ['company_name', 'contract'] })).toBeNull();
    expect(bilingualNameRefusal({ type: 'domestic', bilingualName: true, kinds: ['company_name'] })).toContain('外资企业');
    expect(bilingualNameRefusal({ type: 'foreign_invested', bilingualName: true, kinds: ['contract'] })).toContain('法定名称章');
    expect(bilingualNameRefusal({ type: 'domestic', kinds: ['contract'] })).toBeNull();
  });

  it('numbers applications by the Beijing day with unambiguous characters', () => {
    const ref = newReference(new Date('2026-02-28T17:00:00Z'));
    expect(ref).toMatch(REFERENCE_PATTERN);
    expect(ref.startsWith('YZ20260301-')).toBe(true);
  });

  it('counts a company as newly registered inside the window only', () => {
    const now = new Date('2026-03-15T00:00:00Z');
    expect(isNewlyRegistered('2026-03-01', now, 90)).toBe(true);
    expect(isNewlyRegistered('2025-11-01', now, 90)).toBe(false);
    expect(isNewlyRegistered('2026-04-01', now, 90)).toBe(false);
  });

  it('knows a seal image by its bytes, not by what it claims', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
    expect(readSealImage(png.toString('base64')).contentType).toBe('image/png');
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    expect(readSealImage(jpeg.toString('base64')).contentType).toBe('image/jpeg');
    expect(() => readSealImage('not base64!')).toThrow(expect.objectContaining({ code: 'IMAGE_INVALID' }));
    expect(() => readSealImage(Buffer.from('GIF89a....').toString('base64'))).toThrow(expect.objectContaining({ code: 'IMAGE_INVALID' }));
  });
});
