import Taro from '@tarojs/taro';
import { resetTaroStub } from '../../test/taro-stub';
import { abandonPageResult, awaitPageResult, settlePageResult } from './page-result';

beforeEach(() => resetTaroStub());

function openedResultId(): string {
  const url = jest.mocked(Taro.navigateTo).mock.calls.at(-1)?.[0].url ?? '';
  return new URLSearchParams(url.split('?')[1]).get('resultId') ?? '';
}

describe('awaiting a page result', () => {
  it('opens the page with its parameters and resolves with what the page settles', async () => {
    const result = awaitPageResult<string>('/packages/simulator/face-check/index', { verifyId: 'v-1' });
    expect(jest.mocked(Taro.navigateTo).mock.calls[0]?.[0].url).toMatch(
      /^\/packages\/simulator\/face-check\/index\?verifyId=v-1&resultId=r\d+$/,
    );
    expect(settlePageResult(openedResultId(), 'pass')).toBe(true);
    await expect(result).resolves.toBe('pass');
  });

  it('reports a cancel when the page closes without an answer', async () => {
    const result = awaitPageResult('/packages/simulator/scan/index');
    abandonPageResult(openedResultId());
    await expect(result).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('ignores a late answer after the page was closed', async () => {
    const result = awaitPageResult('/packages/simulator/scan/index');
    const id = openedResultId();
    abandonPageResult(id);
    await expect(result).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(settlePageResult(id, 'too late')).toBe(false);
  });

  it('fails when the page cannot be opened', async () => {
    jest.mocked(Taro.navigateTo).mockRejectedValueOnce({ errMsg: 'navigateTo:fail page not found' });
    await expect(awaitPageResult('/missing/index')).rejects.toMatchObject({ code: 'DEVICE_ERROR' });
  });
});
