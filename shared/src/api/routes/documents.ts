import { route } from '../route';

/** 文件签章 (upload, sign, 骑缝章, batch) and 免登录文档验证 (decision 0019). */
export const documentRoutes = [
  route('POST', '/v1/documents', 'create-document', 'session', '上传待签文件：申请上传地址（预签名 PUT，≤50MB）'),
  route('GET', '/v1/documents/{documentId}', 'get-document', 'session', '文件信息：页数、签章数、下载地址（仅本人）'),
  route('POST', '/v1/documents/{documentId}/sign', 'sign-document', 'session', '文件签章（签章密码；可加骑缝章）'),
  route('POST', '/v1/documents/{documentId}/sign-confirmed', 'sign-document-confirmed', 'session', '电脑网页签章：手机扫码以签章密码确认后签署'),
  route('POST', '/v1/documents/sign-batch', 'sign-documents-batch', 'session', '批量签章（密码校验一次，逐个成功或失败）'),
  route('POST', '/v1/verify', 'verify-document', 'public', '免登录文档验证（请求体为 PDF，≤6MB）'),
  route('POST', '/v1/verify/uploads', 'create-verify-upload', 'public', '免登录文档验证：大文件上传地址'),
  route('POST', '/v1/verify/by-upload', 'verify-uploaded-document', 'public', '免登录文档验证：验证已上传的大文件'),
];
