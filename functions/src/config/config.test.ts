import { loadConfig } from './config';

const prod = { STAGE: 'prod', SESSION_SECRET: 'x'.repeat(32), FACE_VERIFIER: 'wechat' };

describe('configuration at cold start', () => {
  it.each(['http://localhost:8080', 'https://127.0.0.1', 'http://[::1]:3000', 'https://api.localhost', 'http://LOCALHOST.:8080', 'http://[::ffff:127.0.0.1]', 'http://0.0.0.0:8080'])('refuses %s as the public address in production', (url) => {
    expect(() => loadConfig({ ...prod, PUBLIC_BASE_URL: url })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('refuses production without a public address (the default is a local one)', () => {
    expect(() => loadConfig(prod)).toThrow(/PUBLIC_BASE_URL/);
  });

  it('takes a public address in production, and a local one in a local run', () => {
    expect(loadConfig({ ...prod, PUBLIC_BASE_URL: 'https://seal.example.cn' }).PUBLIC_BASE_URL).toBe('https://seal.example.cn');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:8080' }).PUBLIC_BASE_URL).toBe('http://localhost:8080');
  });
});
