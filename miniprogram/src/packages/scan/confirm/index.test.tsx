import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';
import { resetTaroStub } from '../../../../test/taro-stub';
import { answerSimulators } from '../../../../test/simulator-answers';
import { legalRep } from '../../../../test/session-fixtures';
import { answerPrivacyPrompt, saveSessionToken } from '../../../platform';
import { refreshSession } from '../../../services/session-store';
import ScanConfirmPage from './index';

const taroRequest = jest.mocked(Taro.request);
const summary = {
  challengeId: 'ch1',
  purpose: 'login',
  purposeLabel: '电脑端登录',
  action: 'session.login',
  proof: 'face',
  details: {},
  desktop: { location: '127.0.0.1', browser: 'Chrome 130 · Windows' },
  state: 'pending',
  // A code still valid: the page shows an expired one as expired and will not approve it.
  createdAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 120_000).toISOString(),
};

function answer(routes: Record<string, unknown>) {
  taroRequest.mockImplementation((async ({ url, method }: { url: string; method: string }) => {
    const key = `${method} ${url}`;
    if (!(key in routes)) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: key } };
    const value = routes[key];
    return value instanceof Array ? { statusCode: value[0], data: value[1] } : { statusCode: 200, data: value };
  }) as never);
}

beforeEach(async () => {
  resetTaroStub();
  answerPrivacyPrompt('agree');
  saveSessionToken('tok');
  answerSimulators({ scan: 'sealqr:1:ch1', face: 'pass' });
});

describe('扫一扫 confirmation', () => {
  it('shows what the desktop asks, then approves it after a face check', async () => {
    answer({
      'GET /v1/me': legalRep,
      'GET /v1/challenges/ch1': summary,
      'POST /v1/face-checks': [
        201,
        { ticketId: 'ft9', mode: 'simulated', identity: { name: '张伟', idNumberMasked: 'x' }, expiresAt: 'x' },
      ],
      'POST /v1/face-checks/ft9/result': { ticketId: 'ft9', state: 'passed' },
      'POST /v1/challenges/ch1/approve': { challengeId: 'ch1', state: 'approved' },
    });
    await refreshSession();
    render(<ScanConfirmPage />);
    expect(await screen.findByText('确认电脑端登录')).toBeTruthy();
    expect(screen.getByText('Chrome 130 · Windows · 127.0.0.1')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '人脸核验并确认' }));
    expect(await screen.findByText('已确认，请在电脑端继续操作')).toBeTruthy();
    const approve = taroRequest.mock.calls.find(([req]) => (req as { url: string }).url === '/v1/challenges/ch1/approve');
    expect(approve?.[0]).toMatchObject({ data: { faceTicket: 'ft9' } });
  });

  it('shows the refusal of an expired code in Chinese', async () => {
    answer({ 'GET /v1/me': legalRep, 'GET /v1/challenges/ch1': [410, { code: 'CHALLENGE_EXPIRED', message: '二维码已过期，请刷新' }] });
    await refreshSession();
    render(<ScanConfirmPage />);
    expect(await screen.findByText('二维码已过期，请刷新')).toBeTruthy();
  });

  it('refuses a QR code that is not the platform’s', async () => {
    answerSimulators({ scan: 'https://example.com' });
    answer({ 'GET /v1/me': legalRep });
    await refreshSession();
    render(<ScanConfirmPage />);
    expect(await screen.findByText('无法识别该二维码，请扫描电子印章平台电脑端的二维码')).toBeTruthy();
  });
});
