// The contract every platform implementation (x.weapp.ts / x.h5.ts) fulfils. Pages import from
// `src/platform` only and never touch `wx` or Taro device APIs themselves.

/** A one-time login code: `wx.login`'s code on weapp, `sim:<test identity>` on H5. */
export interface LoginResult {
  code: string;
}

/** What the API's face-check start (`routes.faceCheckStart`) answered, as the face check needs it. */
export interface FaceCheckRequest {
  /** WeChat mode: the verify id for `wx.requestFacialVerify`. Absent in simulated mode. */
  verifyId?: string;
  /** Whose face is checked, shown by the H5 simulator (e.g. `张三`). */
  personName?: string;
}

/**
 * The face check ran to completion on the phone. As with WeChat, the real verdict is queried by
 * the backend with the verify id; the H5 simulator also says which outcome the tester chose.
 */
export interface FaceCheckResult {
  verifyId?: string;
  simulatedOutcome?: 'pass' | 'fail';
}

export interface ScanResult {
  /** The text encoded in the QR code (a confirmation challenge, for instance). */
  payload: string;
}

export interface ChooseFileOptions {
  /** Allowed extensions without the dot, e.g. `['pdf']`. */
  extensions?: string[];
}

export interface ChosenFile {
  name: string;
  size: number;
  /** A local temporary path (weapp) or an object URL (H5); read it with `readChosenFile`. */
  path: string;
}

export interface SharedFile {
  /** The file name the recipient sees, e.g. `合同-已签章.pdf`. */
  name: string;
  /** An API path (`routePath(routes.x, params)`) or an absolute URL to download the file from. */
  url: string;
}

/** Bytes to PUT to a presigned storage URL (a document to sign). */
export interface UploadRequest {
  url: string;
  bytes: ArrayBuffer;
  /** The headers the URL was signed with (content type, length…), sent exactly. */
  headers: Record<string, string>;
}
