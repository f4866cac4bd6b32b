/**
 * 文件签章 and 免登录文档验证 (decision 0019): upload by presigned URL, sign (one document, a batch,
 * 骑缝章), read a document's facts, verify. One module per group of routes (documents/): a bundle
 * builds every schema of each module it keeps, so a function builds its own group's schemas and
 * not all of them (decision 0246).
 */
export {
  MAX_DOCUMENT_BYTES,
  MAX_INLINE_VERIFY_BYTES,
  MAX_BATCH_DOCUMENTS,
  DocumentIdParams,
  SealPlacement,
  Certify,
  Certification,
  SignDocumentRequest,
  SignConfirmedRequest,
  SignedDocument,
} from './documents/common';
export * from './documents/upload';
export * from './documents/ukey-signing';
export * from './documents/batches';
export * from './documents/reading';
export * from './documents/verification';
export * from './documents/records';
