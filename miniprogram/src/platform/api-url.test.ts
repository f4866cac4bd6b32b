import { apiUrl } from './api-url';

describe('apiUrl', () => {
  it('calls the same origin when there is no API base (H5)', () => {
    expect(apiUrl('/v1/health', undefined, '')).toBe('/v1/health');
  });

  it('prefixes the weapp API base without doubling slashes', () => {
    expect(apiUrl('/v1/health', undefined, 'http://localhost:8080/')).toBe('http://localhost:8080/v1/health');
    expect(apiUrl('v1/health', undefined, 'https://seal.example.gov.cn')).toBe('https://seal.example.gov.cn/v1/health');
  });

  it('encodes the query and leaves out undefined values', () => {
    expect(apiUrl('/v1/seals', { companyId: '91440300 X', status: undefined, page: 2 }, '')).toBe(
      '/v1/seals?companyId=91440300%20X&page=2',
    );
  });

  it('passes absolute URLs through', () => {
    expect(apiUrl('https://files.example.com/a.pdf?sig=1', { v: 1 }, 'http://localhost:8080')).toBe(
      'https://files.example.com/a.pdf?sig=1&v=1',
    );
  });
});
