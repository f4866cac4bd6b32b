// The platform layer: the only place that knows whether the app runs in WeChat or a browser.
// Each suffix-less import below resolves to its `.weapp.ts` or `.h5.ts` file at build time
// (Taro's multi-platform resolution; TypeScript follows via `moduleSuffixes` in tsconfig).

export type {
  LoginResult,
  FaceCheckRequest,
  FaceCheckResult,
  ScanResult,
  ChooseFileOptions,
  ChosenFile,
  SharedFile,
  UploadRequest,
} from './types';
export { ApiError, PlatformError, type PlatformErrorCode } from './errors';
export { call } from './api';
export { routePath } from '@seal/shared/api';
export { readSessionToken, saveSessionToken, clearSessionToken } from './session';
export { login } from './login';
export { faceCheck } from './face-check';
export { scanCode } from './scan-code';
export { chooseFile, readChosenFile } from './choose-file';
export { shareFile } from './share-file';
export { canSubscribeMessages, subscribeMessages } from './subscribe-messages';
export { openFile } from './open-file';
export { uploadBytes } from './upload-bytes';
export { windowWidth } from './window-width';
export { makePagesKeyboardScrollable } from './page-focus';
export { watchPrivacyRequests, PRIVACY_AGREE_BUTTON_ID } from './privacy';
export {
  hasAcceptedPrivacy,
  requestPrivacyConsent,
  answerPrivacyPrompt,
  onPrivacyPromptChange,
  isPrivacyPromptOpen,
} from './privacy-consent';
export { fontScaleAdjustable } from './font-scale';
export { currentFontScale, subscribeFontScale, refreshFontScale, changeFontScale } from './font-scale-store';
export { FONT_SCALE_CHOICES, fontScaleStyle } from './font-scale-rule';
export { settlePageResult, abandonPageResult } from './page-result';
export { openPage, goBack, openTab, showToast, replacePage } from './navigation';

/** Which build this is, for the rare screen text that differs. */
export const platformName: 'weapp' | 'h5' = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';
