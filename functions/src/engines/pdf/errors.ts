/** Why a PDF could not be signed or verified at all (as opposed to a signature that is invalid). */
export type PdfInputErrorCode =
  | 'PDF_UNREADABLE' // not a PDF, truncated, or a structure we cannot follow
  | 'PDF_ENCRYPTED' // has an /Encrypt dictionary: the platform signs and verifies only plain documents
  | 'PDF_TOO_LARGE' // over the size, object or nesting limits
  | 'PDF_NOT_SIGNED' // readable, but carries no signature to verify
  | 'PDF_PAGE_NOT_FOUND' // a placement names a page the document does not have
  | 'PDF_SIGNATURE_TOO_LARGE' // the CMS blob does not fit the reserved /Contents space
  | 'PDF_SIGNATURE_VALUE_INVALID' // the value given to complete a prepared signature is not the signer's over its attributes
  | 'PDF_CERTIFIED_NO_CHANGES' // certified by its first signature with DocMDP P=1: a further signature would break it
  | 'PDF_CERTIFICATION_NOT_FIRST'; // asked to certify a document that already carries a signature (only the first may certify)

const messages: Record<PdfInputErrorCode, string> = {
  PDF_UNREADABLE: '无法读取该文件：不是有效的 PDF 或文件已损坏',
  PDF_ENCRYPTED: '该 PDF 已加密，无法签章或验证',
  PDF_TOO_LARGE: '文件过大或结构过于复杂',
  PDF_NOT_SIGNED: '该 PDF 不包含电子签章',
  PDF_PAGE_NOT_FOUND: '指定的页码不存在',
  PDF_SIGNATURE_TOO_LARGE: '签名数据超出预留空间',
  PDF_SIGNATURE_VALUE_INVALID: '签名值与待签数据或签章证书不符',
  PDF_CERTIFIED_NO_CHANGES: '该文件已被认证为不允许任何修改，不能再加盖签章',
  PDF_CERTIFICATION_NOT_FIRST: '该文件已有签章，只有文件的第一个签章可以认证文件',
};

export class PdfInputError extends Error {
  override readonly name = 'PdfInputError';
  constructor(
    readonly code: PdfInputErrorCode,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${messages[code]}（${detail}）` : messages[code], options);
  }
}

export const unreadable = (detail: string): PdfInputError => new PdfInputError('PDF_UNREADABLE', detail);
