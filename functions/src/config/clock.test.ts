import { loadConfig } from './config';
import { platformClock } from './clock';

const DAY = 86_400_000;

describe('the platform clock and its local override', () => {
  it('runs the set number of days ahead outside production, read at each call', () => {
    const env: NodeJS.ProcessEnv = { STAGE: 'local' };
    const now = platformClock(env, () => 'local');
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    env.LOCAL_CLOCK_OFFSET_DAYS = '340';
    expect(Math.abs(now().getTime() - (Date.now() + 340 * DAY))).toBeLessThan(1000);
  });

  it('is the machine’s clock in production, whatever the environment says', () => {
    const now = platformClock({ LOCAL_CLOCK_OFFSET_DAYS: '340' }, () => 'prod');
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('is refused in production at config load, and a bad value fails the start anywhere', () => {
    const prod = { STAGE: 'prod', SESSION_SECRET: 'x'.repeat(32), FACE_VERIFIER: 'wechat', PUBLIC_BASE_URL: 'https://seal.example.gov.cn' };
    expect(() => loadConfig(prod)).not.toThrow();
    expect(() => loadConfig({ ...prod, LOCAL_CLOCK_OFFSET_DAYS: '30' })).toThrow('LOCAL_CLOCK_OFFSET_DAYS cannot be set in production');
    expect(() => loadConfig({ ...prod, LOCAL_CLOCK_OFFSET_DAYS: '0' })).toThrow('cannot be set in production');
    for (const bad of ['-1', '1.5', 'soon', '3651']) expect(() => loadConfig({ STAGE: 'local', LOCAL_CLOCK_OFFSET_DAYS: bad })).toThrow('whole number of days');
    expect(loadConfig({ STAGE: 'local', LOCAL_CLOCK_OFFSET_DAYS: '340' }).STAGE).toBe('local');
  });
});
