import { PIN_LOCK_MINUTES } from './domain/pin-policy';

/**
 * Stable error codes that cross the API as `{ code, message }`. The message is Chinese, for the
 * person in front of the phone; the code is for programs and never changes meaning.
 */
export const ERRORS = {
  // 400: the request itself is wrong; nothing was written.
  VALIDATION_FAILED: { status: 400, message: '提交的信息有误，请检查后重试' },
  INVALID_CREDIT_CODE: { status: 400, message: '统一社会信用代码格式或校验位不正确' },
  INVALID_ID_NUMBER: { status: 400, message: '身份证号码格式或校验位不正确' },
  PIN_FORMAT: { status: 400, message: '签章密码须为6位数字' },
  PIN_TOO_WEAK: { status: 400, message: '签章密码过于简单，不能为相同数字或连续数字' },
  PIN_MISMATCH: { status: 400, message: '两次输入的签章密码不一致' },
  REASON_REQUIRED: { status: 400, message: '请填写原因' },
  IMAGE_INVALID: { status: 400, message: '印章图片须为PNG或JPEG格式，且不超过2MB' },
  /** The request body is over what the API accepts (API Gateway's 10 MB, Lambda's 6 MB event): refused before any handler. */
  BODY_TOO_LARGE: { status: 413, message: '上传内容过大' },
  /** A JSON route was sent a body of another content type. */
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求内容格式不正确，请以JSON格式提交' },
  DOCUMENT_TOO_LARGE: { status: 413, message: '文件过大，单个文件不能超过50MB' },
  PDF_UNREADABLE: { status: 422, message: '无法读取该文件，请上传有效的PDF文件' },
  PDF_ENCRYPTED: { status: 422, message: '该PDF文件已加密，无法处理' },
  PDF_NOT_SIGNED: { status: 422, message: '该文件中没有电子签章' },
  /** The document is certified by its first signature with DocMDP P=1 (no changes): another seal would break the certification. */
  PDF_CERTIFIED_NO_CHANGES: { status: 422, message: '该文件已被认证为不允许任何修改，不能再加盖签章' },
  /** Certifying was asked for a document that already carries a signature: only the first signature may certify. */
  PDF_CERTIFICATION_NOT_FIRST: { status: 422, message: '该文件已有签章，只有文件的第一个签章可以认证文件' },
  /** A placement names a page the document does not have (documents API, decision 0019). */
  PDF_PAGE_NOT_FOUND: { status: 422, message: '指定的盖章页码不存在' },
  /** The uploaded object differs from the size or SHA-256 declared when the upload was requested. */
  DOCUMENT_MISMATCH: { status: 422, message: '上传的文件与申请上传时声明的大小或摘要不一致，请重新上传' },
  /** The file is of no format the platform signs or verifies (its first bytes are neither a PDF header nor a known package). */
  DOCUMENT_FORMAT_UNSUPPORTED: { status: 415, message: '不支持该文件格式，请上传PDF或OFD文件' },
  /** An OFD package that cannot be read: not a zip fflate reads, entry names that escape the package, malformed or entity-declaring XML, a missing part. */
  OFD_UNREADABLE: { status: 422, message: '无法读取该OFD文件，请上传有效的OFD文件' },
  /** An OFD package over the entry-count, inflated-size or compression-ratio limits (decision 0052): refused before it is inflated. */
  OFD_TOO_LARGE: { status: 413, message: 'OFD文件解压后过大或包含的文件过多，无法处理' },
  /** An OFD is signed with GB/T 38540 seal signatures, which are SM2: a P-256 seal cannot sign it (decision 0175). */
  OFD_SEAL_NOT_SM2: { status: 422, message: 'OFD文件须使用国密（SM2）印章签章，请选择签名算法为SM2的印章' },
  /** An existing signature of the OFD protects its signature list (whole-document protection): another seal would break it. */
  OFD_SIGNATURES_PROTECTED: { status: 422, message: '该OFD文件的已有签章保护了整个文件，不能再加盖签章' },
  /** A signing request id already used for a different request (another seal, placement or approval). */
  REQUEST_ID_REUSED: { status: 422, message: '该请求编号已用于另一项签章请求，请刷新后重新发起' },
  /** The certification request the UKey client sent is not a P-256 request signed by its own key, or names another UKey (decision 0121). */
  UKEY_CSR_INVALID: { status: 400, message: 'UKey证书请求无效，请重新插入UKey后重试' },
  /** The value the UKey returned does not verify against the seal's UKey certificate: nothing is stored. */
  UKEY_SIGNATURE_INVALID: { status: 400, message: 'Ukey签名无效，请确认插入的是绑定该印章的Ukey后重试' },
  // 401: who is asking is unknown.
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  REQUEST_SIGNATURE_INVALID: { status: 401, message: '请求签名无效' },
  /** UKey登录: the challenge is not the platform's, expired (2 minutes) or used already (decision 0185). */
  UKEY_LOGIN_CHALLENGE_INVALID: { status: 401, message: 'UKey登录请求已失效，请重新点击“UKey登录”' },
  /** UKey登录: the token's signature does not verify against the bound certificate. */
  UKEY_LOGIN_FAILED: { status: 401, message: 'UKey登录验证失败，请确认插入的是绑定印章的UKey后重试' },
  // 403: known, but not allowed.
  /** UKey登录 with a certificate no live seal credential is bound to (never bound, unbound, revoked, expired). */
  UKEY_LOGIN_NOT_BOUND: { status: 403, message: '该UKey未绑定电子印章或已解绑，不能用于登录，请使用微信扫码登录' },
  NOT_AUTHORIZED: { status: 403, message: '您没有办理该业务的权限' },
  FACE_CHECK_REQUIRED: { status: 403, message: '请先完成人脸核验' },
  FACE_CHECK_FAILED: { status: 403, message: '人脸核验未通过' },
  FACE_TICKET_INVALID: { status: 403, message: '人脸核验已失效，请重新核验' },
  PIN_INCORRECT: { status: 403, message: '签章密码错误' },
  LICENCE_CHECK_FAILED: { status: 403, message: '电子营业执照验证未通过，请通过窗口办理' },
  /** The 电子营业执照 authorization named is not this person's, not for this company, not verified, spent or expired. */
  LICENCE_TICKET_INVALID: { status: 403, message: '电子营业执照验证已失效，请重新验证' },
  WINDOW_REQUIRED: { status: 422, message: '该业务需通过窗口办理' },
  INTEGRATION_REQUIRED: { status: 403, message: '请先完成应用系统接入申请' },
  PRODUCTION_FORBIDDEN: { status: 403, message: '生产环境不允许使用测试身份' },
  // 404
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  COMPANY_NOT_FOUND: { status: 404, message: '未找到该商事主体' },
  SEAL_NOT_FOUND: { status: 404, message: '未找到该印章' },
  CREDENTIAL_NOT_FOUND: { status: 404, message: '您尚未领取该印章' },
  GRANT_NOT_FOUND: { status: 404, message: '未找到该授权' },
  APPLICATION_NOT_FOUND: { status: 404, message: '未找到该申请' },
  CHALLENGE_NOT_FOUND: { status: 404, message: '二维码无效' },
  DOCUMENT_NOT_FOUND: { status: 404, message: '未找到该文件' },
  UKEY_SIGNING_NOT_FOUND: { status: 404, message: '未找到该次Ukey签章，请重新签章' },
  SIGNING_BATCH_NOT_FOUND: { status: 404, message: '未找到该批量签章任务' },
  REPORT_NOT_FOUND: { status: 404, message: '验证报告不存在或已过期，请重新验证文件' },
  PERSON_NOT_FOUND: { status: 404, message: '未找到该用户' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方式' },
  // 409: the state of things forbids it, or someone else changed it first.
  CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  /** The UKey inserted now is not the one the phone confirmed (the QR code names the token's serial). */
  UKEY_MISMATCH: { status: 409, message: '插入的UKey与扫码确认的UKey不一致，请重新操作' },
  /** A seal bound to a UKey signs only with the UKey (decision 0121). */
  UKEY_BOUND: { status: 409, message: '该印章已绑定Ukey，请插入Ukey在电脑上签章' },
  /** UKey signing asked for a seal whose credential is not on a UKey (now, or no longer the certificate prepared for). */
  UKEY_NOT_BOUND: { status: 409, message: '该印章未绑定Ukey，不能使用Ukey签章' },
  /** A prepared UKey signing is completed once (decision 0123). */
  UKEY_SIGNING_USED: { status: 409, message: '该次Ukey签章已完成，请勿重复提交' },
  /** A batch document still waiting when the batch's PIN approval ran out (decision 0165). */
  SIGNING_BATCH_EXPIRED: { status: 410, message: '批量签章已超时，该文件未签署，请重新发起' },
  UKEY_SIGNING_EXPIRED: { status: 410, message: 'Ukey签章已超时，请重新签章' },
  ILLEGAL_TRANSITION: { status: 409, message: '印章当前状态不允许办理该业务' },
  SEAL_FROZEN: { status: 409, message: '该印章已冻结，暂不能使用' },
  SEAL_REVOKED: { status: 409, message: '该印章已注销，不能使用' },
  SEAL_EXPIRED: { status: 409, message: '该印章证书已过期，请先续期' },
  SEAL_NOT_CLAIMED: { status: 409, message: '该印章尚未领取' },
  /** The seal has no 印章数据 listing the signer's certificate (claimed before decision 0077, or a UKey certificate it does not list): it cannot sign an OFD yet. */
  SEAL_DATA_MISSING: { status: 409, message: '该印章的印章数据尚未生成或未包含您的证书，请重置签章密码后再签OFD文件' },
  ALREADY_CLAIMED: { status: 409, message: '您已领取该印章' },
  ALREADY_EXISTS: { status: 409, message: '该记录已存在' },
  APPLICATION_DECIDED: { status: 409, message: '该申请已处理' },
  /** Signing or reading a document whose upload (presigned PUT) has not arrived. */
  DOCUMENT_NOT_UPLOADED: { status: 409, message: '文件尚未上传完成，请上传后重试' },
  /** Web signing: the document, seal or placement asked for is not what the phone approved. */
  APPROVAL_MISMATCH: { status: 409, message: '签章文件或位置与手机端确认的不一致，文件未签章，请重新发起签章' },
  CHALLENGE_EXPIRED: { status: 410, message: '二维码已过期，请刷新' },
  CHALLENGE_USED: { status: 409, message: '二维码已使用' },
  REQUEST_REPLAYED: { status: 409, message: '重复的请求' },
  /** The same signing request (same request id) is still being processed and did not finish in time. */
  REQUEST_IN_PROGRESS: { status: 409, message: '相同的签章请求正在处理中，请稍后查看结果' },
  CREDENTIAL_INACTIVE: { status: 409, message: '该印章证书已失效，请重新领取' },
  PIN_LOCKED: { status: 423, message: `签章密码连续错误次数过多，已锁定${PIN_LOCK_MINUTES}分钟` },
  /** A quota or rate limit is used up (functions/src/config/quotas.ts); the answer carries Retry-After. */
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  // 5xx: ours.
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
  KEY_UNAVAILABLE: { status: 503, message: '密钥服务暂不可用，请稍后再试' },
  /** The platform's CA/TSA keys or certificates are missing: the bootstrap step (deploy, local start) has not run. */
  PLATFORM_NOT_READY: { status: 503, message: '平台证书服务尚未就绪，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The message of NOT_AUTHORIZED where the user guide says only the legal representative may act. */
export const LEGAL_REPRESENTATIVE_ONLY = '需商事主体负责人本人办理';

/** The body of every error response. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems for VALIDATION_FAILED, in Chinese. */
  details?: { path: string; message: string }[];
}

/** A domain error: thrown by services, mapped to HTTP by the handler wrapper. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  /** RATE_LIMITED: seconds until the caller may try again (sent as the Retry-After header). */
  readonly retryAfterSeconds?: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ApiErrorBody['details'],
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message ?? ERRORS[code].message, options);
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}
