import Taro from '@tarojs/taro';
import { resetTaroStub } from '../../test/taro-stub';
import { subscribeMessages } from './subscribe-messages.weapp';

const ask = Taro.requestSubscribeMessage as unknown as jest.Mock;

beforeEach(() => resetTaroStub());

describe('weapp subscribe messages', () => {
  it('asks WeChat for at most three templates and returns the ones the person accepted', async () => {
    ask.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', t1: 'accept', t2: 'reject', t3: 'accept' });
    await expect(subscribeMessages(['t1', 't2', 't3', 't4'])).resolves.toEqual(['t1', 't3']);
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['t1', 't2', 't3'] });
  });

  it('does not ask when the platform has no templates', async () => {
    await expect(subscribeMessages([])).resolves.toEqual([]);
    expect(ask).not.toHaveBeenCalled();
  });

  it('tells a cancel and subscriptions switched off in settings apart from other failures', async () => {
    ask.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel' });
    await expect(subscribeMessages(['t1'])).rejects.toMatchObject({ code: 'CANCELLED' });
    ask.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 });
    await expect(subscribeMessages(['t1'])).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('设置') });
    ask.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode: 10005 });
    await expect(subscribeMessages(['t1'])).rejects.toMatchObject({ code: 'DEVICE_ERROR' });
  });
});
