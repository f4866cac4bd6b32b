import Taro from '@tarojs/taro';
import { resetTaroStub } from '../../test/taro-stub';
import { answerSimulators } from '../../test/simulator-answers';
import { answerPrivacyPrompt, readSessionToken } from '../platform';
import { finishPhoneLogin, startPhoneLogin } from './session';

const taroRequest = jest.mocked(Taro.request);
const reply = (statusCode: number, data: unknown) => ({ statusCode, data }) as never;

beforeEach(() => {
  resetTaroStub();
  answerPrivacyPrompt('agree');
  answerSimulators({ login: 'lr-xinghe', face: 'pass' });
});

describe('phone login', () => {
  it('logs a first-time person in with name, ID number and a passed face check, keeping only the token', async () => {
    taroRequest
      .mockResolvedValueOnce(reply(201, { loginId: 'login1', loginSecret: 's'.repeat(43), identity: null, expiresAt: 'x' }))
      .mockResolvedValueOnce(
        reply(201, {
          ticketId: 'ft1',
          mode: 'simulated',
          identity: { name: '张伟', idNumberMasked: '4403**********1235' },
          expiresAt: 'x',
        }),
      )
      .mockResolvedValueOnce(reply(200, { ticketId: 'ft1', state: 'passed' }))
      .mockResolvedValueOnce(
        reply(201, { token: 'tok-1', expiresAt: 'x', kind: 'phone', person: { personId: 'p1', name: '张伟', idNumberMasked: '4403' } }),
      );
    const attempt = await startPhoneLogin();
    expect(taroRequest.mock.calls[0]![0]).toMatchObject({ url: '/v1/login/wechat', data: { code: 'sim:lr-xinghe' } });
    await finishPhoneLogin(attempt, { name: '张伟', idNumber: '440305198001011235' });
    expect(taroRequest.mock.calls[1]![0]).toMatchObject({
      url: '/v1/login/login1/face-checks',
      data: { name: '张伟', idNumber: '440305198001011235' },
    });
    expect(taroRequest.mock.calls[2]![0]).toMatchObject({ url: '/v1/login/login1/face-checks/ft1/result', data: { passed: true } });
    expect(taroRequest.mock.calls[3]![0]).toMatchObject({ url: '/v1/login/login1/session', data: { faceTicket: 'ft1' } });
    expect(readSessionToken()).toBe('tok-1');
    const stored = jest
      .mocked(Taro.setStorageSync)
      .mock.calls.map(([, value]) => String(value))
      .join(' ');
    expect(stored).not.toContain('440305198001011235');
    expect(stored).not.toContain('s'.repeat(43));
  });

  it('refuses the session when the face check fails, with the API message', async () => {
    answerSimulators({ face: 'fail' });
    taroRequest
      .mockResolvedValueOnce(
        reply(201, { ticketId: 'ft1', mode: 'simulated', identity: { name: '张伟', idNumberMasked: 'x' }, expiresAt: 'x' }),
      )
      .mockResolvedValueOnce(reply(403, { code: 'FACE_CHECK_FAILED', message: '人脸核验未通过' }));
    const attempt = { loginId: 'login1', loginSecret: 's'.repeat(43), identity: { name: '张伟', idNumberMasked: 'x' } };
    await expect(finishPhoneLogin(attempt)).rejects.toMatchObject({ code: 'FACE_CHECK_FAILED', message: '人脸核验未通过' });
    expect(taroRequest.mock.calls[1]![0]).toMatchObject({ data: { passed: false } });
    expect(readSessionToken()).toBeUndefined();
  });
});
