import { formatBeijingDateTime } from '../time/beijing-time';
/**
 * The verification report's codes in Chinese, for the API, the CLI and the apps. The engine
 * returns codes only (docs/verification-report.md); this is the one place that words them.
 */
import type {
  CertificateStatus,
  CertificationLevel,
  FindingCode,
  Indication,
  ModificationCode,
  ModificationLevel,
  ObjectKind,
  SubIndication,
  Verdict,
} from './codes';
import { SEAL_KIND_LABELS, type SealKind } from '../domain/seal';

export const VERDICT_LABELS: Record<Verdict, string> = { valid: '有效', invalid: '无效', indeterminate: '无法确认' };

export const INDICATION_LABELS: Record<Indication, string> = {
  TOTAL_PASSED: '验证通过',
  INDETERMINATE: '无法确认',
  TOTAL_FAILED: '验证失败',
};

export const SUB_INDICATION_LABELS: Record<SubIndication, string> = {
  FORMAT_FAILURE: '签名格式不符合标准',
  HASH_FAILURE: '签名覆盖的内容与文档不一致',
  SIG_CRYPTO_FAILURE: '签名值校验失败',
  REVOKED: '签章时证书已被吊销',
  EXPIRED: '签章时证书已过期',
  NOT_YET_VALID: '签章时证书尚未生效',
  NO_SIGNING_CERTIFICATE_FOUND: '找不到签章证书',
  NO_CERTIFICATE_CHAIN_FOUND: '签章者证书不受信任',
  CHAIN_CONSTRAINTS_FAILURE: '证书链不符合要求',
  CERTIFICATE_CHAIN_GENERAL_FAILURE: '证书链无法校验',
  CRYPTO_CONSTRAINTS_FAILURE: '使用了无法校验的密码算法',
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE: '使用了强度不足的密码算法',
  SIG_CONSTRAINTS_FAILURE: '签名不符合验证策略',
  REVOKED_NO_POE: '证书已被吊销，且无法证明签章时证书尚未吊销',
  OUT_OF_BOUNDS_NO_POE: '证书已不在有效期内，且无法证明签章时证书有效',
  TIMESTAMP_ORDER_FAILURE: '时间戳顺序不正确',
  NO_POE: '无法证明签章时间',
  TRY_LATER: '暂时无法确认证书状态，请稍后再试',
};

export const FINDING_MESSAGES: Record<FindingCode, string> = {
  BYTE_RANGE_INVALID: '签名的字节范围缺失、格式错误或超出文件',
  CONTENTS_NOT_EXCLUDED: '签名的字节范围未准确排除签名值本身（签名包装攻击）',
  SIGNATURE_DICTIONARY_UNLOCATABLE: '无法定位签名值（签名字典不是独立对象或位于压缩对象流中）',
  CONTENTS_EMPTY: '签名值为空',
  NOT_AT_REVISION_END: '签名范围未覆盖到一个完整版本的结尾',
  SIGNATURE_SHARED: '该签章域借用了另一个签章的签名值，并非独立签章',
  CMS_UNREADABLE: '签名数据无法解析',
  NOT_DETACHED: '签名不是分离式签名',
  SUBFILTER_UNSUPPORTED: '不支持的签名格式',
  DIGEST_MISMATCH: '文档内容在签章后被篡改（摘要不一致）',
  SIGNATURE_INVALID: '签名值校验失败',
  SIGNER_CERTIFICATE_MISSING: '签名中缺少签章证书',
  SIGNING_CERTIFICATE_MISMATCH: '签名绑定的证书与签章证书不一致',
  SIGNING_CERTIFICATE_UNBOUND: '签名未绑定签章证书（缺少 ESS 签名证书属性）',
  ALGORITHM_UNSUPPORTED: '签名使用了无法校验的算法',
  WEAK_ALGORITHM: '签名使用了强度不足的算法（如 SHA-1）',
  TIMESTAMP_INVALID: '时间戳无效，签章时间仅为签署方声明',
  TIMESTAMP_UNTRUSTED: '时间戳服务不受信任，签章时间仅为签署方声明',
  TIMESTAMP_IN_FUTURE: '时间戳晚于当前时间',
  TIMESTAMP_CERTIFICATE_EXPIRED: '时间戳服务证书已过期，且没有在其有效期内加盖的后续文档时间戳，无法证明签章时间',
  CHAIN_UNTRUSTED: '签章者证书不受信任',
  CHAIN_INVALID: '签章证书链校验失败',
  // Both uses (decision 0236): the sub-indication's label says whether it was proven expired when it signed.
  CERTIFICATE_EXPIRED: '签章证书已过期',
  CERTIFICATE_NOT_YET_VALID: '签章时证书尚未生效',
  // Both uses, as CERTIFICATE_EXPIRED: without a proof of existence the verifier knows only that it is revoked now.
  CERTIFICATE_REVOKED: '签章证书已被吊销',
  REVOCATION_UNKNOWN: '无法确定证书在签章时的吊销状态',
  REVOCATION_DATA_MISSING: '证书现已吊销或过期，文档未携带签章时的证书状态证明（长期验证数据），无法确认签章时证书未被吊销',
  MODIFIED_AFTER_SIGNING: '签章后文档被修改',
  DOCMDP_VIOLATION: '签章后的修改超出了文档认证所允许的范围',
  CERTIFICATION_NOT_FIRST: '认证签章不是文档的第一个签章',
  UNVERIFIABLE: '签名数据已损坏，无法验证',
  SEAL_SIGNER_NOT_LISTED: '签章者证书不在所用电子印章的证书列表中',
  SEAL_MAKER_SIGNATURE_INVALID: '电子印章的制章者签名校验失败，印章数据被篡改或伪造',
  SEAL_MAKER_UNTRUSTED: '电子印章的制章者证书不受信任',
  SEAL_FILE_MISMATCH: '签章目录中的印章文件与签章所用的电子印章不一致',
  SEAL_NOT_VALID_AT_SIGNING_TIME: '签章时电子印章不在有效期内',
  STAMP_PAGE_NOT_FOUND: '签章位置指向文档中不存在的页面',
  FILES_NOT_PROTECTED: '文件包中有签章未保护的文件，这些文件可能在签章后被添加或修改',
};

export const MODIFICATION_LEVEL_LABELS: Record<ModificationLevel, string> = {
  none: '签章后文档未被修改',
  ltv_updates: '签章后仅追加了验证数据或文档信息',
  signatures_only: '签章后仅追加了其他签章',
  form_filling: '签章后填写了表单',
  annotations: '签章后添加或修改了注释',
  other: '签章后文档内容被修改',
};

export const MODIFICATION_MESSAGES: Record<ModificationCode, string> = {
  SIGNATURE_ADDED: '新增签章',
  DOCUMENT_TIMESTAMP_ADDED: '新增文档时间戳',
  DSS_UPDATED: '追加长期验证数据（DSS）',
  INFO_UPDATED: '更新文档信息',
  METADATA_UPDATED: '更新文档元数据',
  FORM_FIELD_FILLED: '填写表单域',
  ANNOTATION_ADDED: '新增注释',
  ANNOTATION_CHANGED: '修改注释',
  ANNOTATION_REMOVED: '删除注释',
  UNUSED_OBJECT_ADDED: '新增未被使用的对象',
  OBJECT_CHANGED: '修改了对象',
  OBJECT_DELETED: '删除了对象',
  OBJECT_ADDED: '新增了未经说明的对象',
  OBJECT_ALIASED: '修改了一个同时另作他用的对象',
  DANGLING_REFERENCE_DEFINED: '定义了签章时被引用但尚不存在的对象',
  CATALOG_REPLACED: '替换了文档目录',
  CATALOG_CHANGED: '修改了文档目录',
  CERTIFICATION_ADDED: '事后添加了文档认证',
  FIELD_ADDED: '新增了非签章的表单域',
  FIELD_REMOVED: '删除了表单域或签章域',
  WIDGET_ADDED: '新增了不属于任何新签章的签章外观',
  SIGNATURE_CHANGED: '修改了已签章的签章域或签名',
  BYTES_AFTER_LAST_REVISION: '文件末尾附加了未登记的内容',
  REVISIONS_UNREADABLE: '无法区分文档的各个版本',
  TOO_COMPLEX: '改动过多，无法逐一分析',
};

export const OBJECT_KIND_LABELS: Record<ObjectKind, string> = {
  catalog: '文档目录',
  info: '文档信息',
  metadata: '元数据',
  acroform: '表单',
  field_list: '表单域列表',
  pages: '页面树',
  page: '页面',
  content_stream: '页面内容',
  form_xobject: '外观或表单对象',
  image: '图像',
  font: '字体',
  resources: '页面资源',
  annotation: '注释',
  annotation_list: '注释列表',
  widget: '表单域外观',
  field: '表单域',
  signature_field: '签章域',
  signature: '签名字典',
  document_timestamp: '文档时间戳',
  dss: '长期验证数据',
  object_stream: '对象流',
  xref_stream: '交叉引用流',
  other: '对象',
};

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: '有效',
  revoked: '已吊销',
  expired: '已过期',
  not_yet_valid: '尚未生效',
  unknown_issuer: '不受信任（未知签发者）',
  invalid_chain: '证书链无效',
  revocation_unknown: '吊销状态未知',
  missing: '缺少证书',
};

export const CERTIFICATION_LEVEL_LABELS: Record<CertificationLevel, string> = {
  1: '认证文档：不允许任何修改',
  2: '认证文档：允许填写表单和签章',
  3: '认证文档：允许填写表单、签章和添加注释',
};

/** The parts of a report the wording needs: what the engine returns. */
export interface FindingCodes {
  code: FindingCode;
  indication: 'INDETERMINATE' | 'TOTAL_FAILED';
  subIndication: SubIndication;
}
export interface ModificationCodes {
  revision: number;
  level: ModificationLevel;
  code: ModificationCode;
  object: number | null;
  kind: ObjectKind | null;
}
export interface SignatureCodes {
  fieldName: string;
  kind: 'signature' | 'document_timestamp';
  indication: Indication;
  findings: readonly FindingCodes[];
  modifications: readonly ModificationCodes[];
}
interface SealLabel {
  seal: { name: string | null; kindLabel: string | null };
}
export interface ReportCodes<S extends SignatureCodes> {
  verdict: Verdict;
  indication: Indication;
  subIndication: SubIndication | null;
  certification: { level: CertificationLevel; fieldName: string } | null;
  signatures: readonly S[];
}

/** 第 3 版：修改了对象（页面内容 12） */
export function modificationMessage(m: ModificationCodes): string {
  const what = m.kind ? `（${OBJECT_KIND_LABELS[m.kind]}${m.object !== null ? ` ${m.object}` : ''}）` : m.object !== null ? `（对象 ${m.object}）` : '';
  return `第 ${m.revision} 版：${MODIFICATION_MESSAGES[m.code]}${what}`;
}

/** A signature's reasons, most important first: why it did not pass, or that it passed and what changed after it. */
export function signatureReasons(s: SignatureCodes): string[] {
  const changes = s.modifications.map(modificationMessage);
  if (s.indication === 'TOTAL_PASSED') {
    const head = s.kind === 'document_timestamp' ? '文档时间戳有效：其后文档未被篡改，时间戳服务可信' : '签章有效：自签章后文档未被篡改，签章者证书可信且签章时有效';
    return [head, ...changes.map((c) => `签章后的允许变更：${c}`)];
  }
  const reasons = s.findings.map((f) => FINDING_MESSAGES[f.code]);
  const disallowed = s.modifications.filter((m) => m.level === 'other' || s.findings.some((f) => f.code === 'DOCMDP_VIOLATION'));
  if (s.findings.some((f) => f.code === 'MODIFIED_AFTER_SIGNING' || f.code === 'DOCMDP_VIOLATION')) reasons.push(...(disallowed.length ? disallowed : s.modifications).map(modificationMessage));
  return reasons;
}

/**
 * How a person recognises a signature: the seal's name when it has one (签章“合同专用章”), else its
 * place in the document (第2个签章). Never the PDF field name ("Seal1"), which means nothing to them.
 */
export function signatureName(s: SignatureCodes & Partial<SealLabel>, index: number): string {
  const noun = s.kind === 'document_timestamp' ? '文档时间戳' : '签章';
  const seal = s.seal?.name?.trim();
  return seal ? `${noun}“${seal}”` : `第${index + 1}个${noun}`;
}

/** The document's reasons: all valid, or each signature that is not, with its first reason. */
export function documentReasons(r: {
  indication: Indication;
  signatures: readonly (SignatureCodes & Partial<SealLabel>)[];
  certification?: { level: CertificationLevel } | null;
}): string[] {
  const certification = r.certification ? [CERTIFICATION_LEVEL_LABELS[r.certification.level]] : [];
  if (r.indication === 'TOTAL_PASSED') return [`文档包含 ${r.signatures.length} 个电子签章，全部有效`, ...certification];
  return [
    ...r.signatures
      .map((s, index) => ({ s, index }))
      .filter(({ s }) => s.indication !== 'TOTAL_PASSED')
      .map(({ s, index }) => `${signatureName(s, index)}${s.indication === 'TOTAL_FAILED' ? '无效' : '无法确认'}：${signatureReasons(s)[0] ?? ''}`),
    ...certification,
  ];
}

/** Adds the Chinese to a report's findings and modifications and its reasons, keeping every code. */
export function wordSignature<S extends SignatureCodes>(s: S): Omit<S, 'findings' | 'modifications'> & {
  reasons: string[];
  findings: (S['findings'][number] & { message: string })[];
  modifications: (S['modifications'][number] & { message: string })[];
} {
  return {
    ...s,
    reasons: signatureReasons(s),
    findings: s.findings.map((f) => ({ ...f, message: FINDING_MESSAGES[f.code] })),
    modifications: s.modifications.map((m) => ({ ...m, message: modificationMessage(m) })),
  };
}

/** The platform's seal kind for a certificate's seal label (合同专用章 → contract); custom for another label. */
export function sealKindOfLabel(label: string | null): SealKind | null {
  if (!label) return null;
  const hit = (Object.entries(SEAL_KIND_LABELS) as [SealKind, string][]).find(([, l]) => l === label);
  return hit ? hit[0] : 'custom';
}

/** A whole report worded: every code kept, reasons and messages added, each seal's kind named. */
export function wordReport<S extends SignatureCodes & SealLabel>(r: ReportCodes<S>) {
  return {
    verdict: r.verdict,
    indication: r.indication,
    subIndication: r.subIndication,
    reasons: documentReasons(r),
    certification: r.certification ? { ...r.certification } : null,
    signatures: r.signatures.map((s) => {
      const worded = wordSignature(s);
      return { ...worded, seal: { ...s.seal, kind: sealKindOfLabel(s.seal.kindLabel) } };
    }),
  };
}

/** An ISO time as people here read it: Beijing time, 2026-06-01 16:00:00. */
export function beijingTime(iso: string | null): string {
  const text = formatBeijingDateTime(iso, { seconds: true });
  return text === '—' ? '未知' : text;
}
