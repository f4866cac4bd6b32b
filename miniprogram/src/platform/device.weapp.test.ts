import Taro from '@tarojs/taro';
import { resetTaroStub } from '../../test/taro-stub';
import { chooseFile } from './choose-file.weapp';
import { faceCheck } from './face-check.weapp';
import { readFontScale } from './font-scale.weapp';
import { login } from './login.weapp';
import { answerPrivacyPrompt } from './privacy-consent';
import { scanCode } from './scan-code.weapp';

type Callbacks = { success: () => void; fail: (err: { errMsg: string }) => void };
const wxGlobal = globalThis as unknown as { wx?: { requestFacialVerify?: jest.Mock } };

beforeEach(async () => {
  resetTaroStub();
  // These tests are about the device calls; consent is given once up front.
  const { requestPrivacyConsent } = await import('./privacy-consent');
  const consent = requestPrivacyConsent();
  answerPrivacyPrompt('agree');
  await consent;
  wxGlobal.wx = { requestFacialVerify: jest.fn() };
});

afterAll(() => {
  delete wxGlobal.wx;
});

describe('weapp face check', () => {
  it('passes the verify id to wx.requestFacialVerify and resolves when it completes', async () => {
    wxGlobal.wx!.requestFacialVerify!.mockImplementation((options: Callbacks) => options.success());
    await expect(faceCheck({ verifyId: 'verify-1' })).resolves.toEqual({ verifyId: 'verify-1' });
    expect(wxGlobal.wx!.requestFacialVerify).toHaveBeenCalledWith(expect.objectContaining({ verifyId: 'verify-1' }));
  });

  it('tells a cancel from a failed check', async () => {
    wxGlobal.wx!.requestFacialVerify!.mockImplementationOnce((options: Callbacks) =>
      options.fail({ errMsg: 'requestFacialVerify:fail cancel' }),
    );
    await expect(faceCheck({ verifyId: 'v' })).rejects.toMatchObject({ code: 'CANCELLED' });
    wxGlobal.wx!.requestFacialVerify!.mockImplementationOnce((options: Callbacks) =>
      options.fail({ errMsg: 'requestFacialVerify:fail 90011' }),
    );
    await expect(faceCheck({ verifyId: 'v' })).rejects.toMatchObject({ code: 'FACE_CHECK_FAILED' });
  });

  it('cannot start without a verify id from the backend', async () => {
    await expect(faceCheck({})).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    expect(wxGlobal.wx!.requestFacialVerify).not.toHaveBeenCalled();
  });

  it('asks for a newer WeChat when the API is missing', async () => {
    wxGlobal.wx = {};
    await expect(faceCheck({ verifyId: 'v' })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});

describe('weapp device calls', () => {
  it('returns the wx.login code', async () => {
    jest.mocked(Taro.login).mockResolvedValue({ code: '0a1b2c', errMsg: 'login:ok' });
    await expect(login()).resolves.toEqual({ code: '0a1b2c' });
  });

  it('maps a closed scanner to CANCELLED', async () => {
    jest.mocked(Taro.scanCode).mockRejectedValue({ errMsg: 'scanCode:fail cancel' });
    await expect(scanCode()).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('returns the first file picked from a chat', async () => {
    jest.mocked(Taro.chooseMessageFile).mockResolvedValue({
      tempFiles: [{ name: '合同.pdf', size: 2048, path: 'wxfile://tmp_1.pdf', type: 'file', time: 0 }],
      errMsg: 'chooseMessageFile:ok',
    });
    await expect(chooseFile({ extensions: ['pdf'] })).resolves.toEqual({ name: '合同.pdf', size: 2048, path: 'wxfile://tmp_1.pdf' });
    expect(Taro.chooseMessageFile).toHaveBeenCalledWith(expect.objectContaining({ count: 1, type: 'file', extension: ['pdf'] }));
  });
});

describe('weapp font scale', () => {
  it('follows the system font size', () => {
    jest.mocked(Taro.getAppBaseInfo).mockReturnValue({ fontSizeSetting: 22 } as never);
    expect(readFontScale()).toBe(1.29);
  });

  it('falls back to the design size when WeChat gives no answer', () => {
    jest.mocked(Taro.getAppBaseInfo).mockImplementation(() => {
      throw new Error('not supported');
    });
    expect(readFontScale()).toBe(1);
  });
});
