/**
 * The `FaceVerifier` port (人脸核验). `start` prepares a check of one person on one phone; `result`
 * says whether it passed. The caller binds the outcome to a face ticket (person, action, target).
 */
export interface FaceCheckSubject {
  /** Our serial number for this check (the ticket id): WeChat's `out_seq_no`. */
  outSeqNo: string;
  /** The WeChat user the check runs for; WeChat refuses a check run by another account. */
  openid?: string;
  name: string;
  /** Opened only when the adapter needs the full number. */
  idNumber: () => Promise<string>;
}

export interface FaceVerifier {
  readonly mode: 'simulated' | 'wechat';
  start(subject: FaceCheckSubject): Promise<{ verifyId?: string }>;
  /** `claimedPass` is what the simulated screen reports; the WeChat adapter asks WeChat instead. */
  result(subject: FaceCheckSubject & { verifyId?: string; claimedPass?: boolean }): Promise<{ passed: boolean; reason?: string }>;
}
