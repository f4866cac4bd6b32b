import * as documents from '../dto/documents';
import { bytes, type Route } from '../route';
import * as seals from '../dto/seals';

/** 文件签章 (upload, sign, 骑缝章, batch) and 免登录文档验证 (decision 0019). */

export const createDocument = {
  method: 'POST',
  path: '/v1/documents',
  handler: 'create-document',
  auth: 'session',
  summary: '上传待签文件：申请上传地址（预签名 PUT，≤50MB）',
  body: documents.CreateDocumentRequest,
  response: documents.UploadTicket,
} satisfies Route;

export const listMyDocuments = {
  method: 'GET',
  path: '/v1/documents/mine',
  handler: 'list-my-documents',
  auth: 'session',
  summary: '我的文件：我签署的文件（最新在前）',
  query: documents.PageQuery,
  response: documents.MyDocumentList,
} satisfies Route;

export const getDocument = {
  method: 'GET',
  path: '/v1/documents/{documentId}',
  handler: 'get-document',
  auth: 'session',
  summary: '文件信息：页数、签章数、下载地址（仅本人）',
  params: documents.DocumentIdParams,
  response: documents.DocumentView,
} satisfies Route;

export const signDocument = {
  method: 'POST',
  path: '/v1/documents/{documentId}/sign',
  handler: 'sign-document',
  auth: 'session',
  summary: '文件签章（签章密码；可加骑缝章）',
  action: 'seal.sign',
  params: documents.DocumentIdParams,
  body: documents.SignDocumentRequest,
  response: documents.SignedDocument,
} satisfies Route;

/** UKey签章 (decision 0123): phase one prepares and answers the digest, phase two takes the token's signature. */
export const ukeySignPrepare = {
  method: 'POST',
  path: '/v1/documents/{documentId}/ukey-sign',
  handler: 'ukey-sign-prepare',
  auth: 'session',
  summary: 'Ukey签章：准备签章，返回待Ukey签名的摘要',
  action: 'seal.sign',
  params: documents.DocumentIdParams,
  body: documents.UkeySignPrepareRequest,
  response: documents.UkeySignPrepared,
} satisfies Route;

export const ukeySignComplete = {
  method: 'POST',
  path: '/v1/documents/{documentId}/ukey-sign/{signingId}',
  handler: 'ukey-sign-complete',
  auth: 'session',
  summary: 'Ukey签章：提交Ukey签名，完成签章',
  action: 'seal.sign',
  params: documents.UkeySignCompleteParams,
  body: documents.UkeySignCompleteRequest,
  response: documents.SignedDocument,
} satisfies Route;

export const signDocumentConfirmed = {
  method: 'POST',
  path: '/v1/documents/{documentId}/sign-confirmed',
  handler: 'sign-document-confirmed',
  auth: 'session',
  summary: '电脑网页签章：手机扫码以签章密码确认后签署',
  action: 'seal.sign',
  params: documents.DocumentIdParams,
  body: documents.SignConfirmedRequest,
  response: documents.SignedDocument,
} satisfies Route;

export const signDocumentsBatch = {
  method: 'POST',
  path: '/v1/documents/sign-batch',
  handler: 'sign-documents-batch',
  auth: 'session',
  summary: '批量签章（密码校验一次，逐个成功或失败）',
  action: 'seal.sign',
  body: documents.SignBatchRequest,
  response: documents.SignBatchResponse,
} satisfies Route;

export const startSigningBatch = {
  method: 'POST',
  path: '/v1/signing-batches',
  handler: 'start-signing-batch',
  auth: 'session',
  summary: '批量签章任务（≤1000个文件，密码校验一次，后台并行签署）',
  action: 'seal.sign',
  body: documents.StartSigningBatchRequest,
  response: documents.SigningBatchView,
} satisfies Route;

export const getSigningBatch = {
  method: 'GET',
  path: '/v1/signing-batches/{batchId}',
  handler: 'get-signing-batch',
  auth: 'session',
  summary: '批量签章进度与结果',
  params: documents.SigningBatchParams,
  response: documents.SigningBatchView,
} satisfies Route;

export const listSigningBatches = {
  method: 'GET',
  path: '/v1/signing-batches',
  handler: 'list-signing-batches',
  auth: 'session',
  summary: '我的批量签章（近7天，最新在前）',
  response: documents.SigningBatchList,
} satisfies Route;

export const signingBatchReport = {
  method: 'GET',
  path: '/v1/signing-batches/{batchId}/report',
  handler: 'signing-batch-report',
  auth: 'session',
  summary: '批量签章汇总报告（CSV，逐个文件的结果）',
  params: documents.SigningBatchParams,
  response: bytes,
} satisfies Route;

export const verifyDocument = {
  method: 'POST',
  path: '/v1/verify',
  handler: 'verify-document',
  auth: 'public',
  summary: '免登录文档验证（请求体为 PDF，≤4MB；更大的文件走上传验证）',
  action: 'document.verify',
  body: bytes,
  response: documents.VerificationResult,
} satisfies Route;

export const createVerifyUpload = {
  method: 'POST',
  path: '/v1/verify/uploads',
  handler: 'create-verify-upload',
  auth: 'public',
  summary: '免登录文档验证：大文件上传地址',
  action: 'document.verify',
  body: documents.CreateVerifyUploadRequest,
  response: documents.UploadTicket,
} satisfies Route;

export const verificationReport = {
  method: 'GET',
  path: '/v1/verify/reports/{reportId}',
  handler: 'verification-report',
  auth: 'public',
  summary: '下载验证报告（PDF，验证后一天内）',
  action: 'document.verify',
  params: documents.ReportIdParams,
  response: bytes,
} satisfies Route;

export const verifyUploadedDocument = {
  method: 'POST',
  path: '/v1/verify/by-upload',
  handler: 'verify-uploaded-document',
  auth: 'public',
  summary: '免登录文档验证：验证已上传的大文件',
  action: 'document.verify',
  body: documents.VerifyUploadedRequest,
  response: documents.VerificationResult,
} satisfies Route;

export const sealSigningRecords = {
  method: 'GET',
  path: '/v1/seals/{sealId}/signing-records',
  handler: 'seal-signing-records',
  auth: 'session',
  summary: '用印记录：该印章签署的文件、签署人和时间',
  action: 'seal.view_signing_records',
  params: seals.SealIdParams,
  query: documents.PageQuery,
  response: documents.SigningRecordList,
} satisfies Route;
