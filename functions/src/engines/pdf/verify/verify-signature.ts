import { SEAL_KIND_LABELS } from '@seal/shared';
import { checkSignedData, type CheckedSignedData } from '../cms/read-signed-data';
import { OID } from '../cms/oids';
import type { PdfDocument } from '../syntax/document';
import { PdfString } from '../syntax/objects';
import { verifyChainAt } from '../trust/chain';
import { sealCertificateInfo } from '../trust/certificates';
import { checkTimestamp, type TimestampCheck } from '../trust/timestamp';
import { analyseModifications } from './diff-revisions';
import type { FoundSignature } from './find-signatures';
import { checkByteRange } from './byte-range';
import { combine, MODIFICATION_ORDER, type Finding, type VerificationPolicy } from './policy';
import type { CertificateStatus, SignatureReport } from './report';

export type RevocationStatus = 'good' | 'revoked' | 'unknown';
/** Whether a certificate (DER) was revoked at a time; the platform answers from its CRL. */
export type RevocationCheck = (certificate: Uint8Array, at: Date) => RevocationStatus | Promise<RevocationStatus>;

export interface VerifyContext {
  doc: PdfDocument;
  trustedRoots: Uint8Array[];
  revocationsAt?: RevocationCheck;
  now: Date;
  policy: VerificationPolicy;
}

export async function verifySignature(ctx: VerifyContext, found: FoundSignature): Promise<SignatureReport> {
  const findings: Finding[] = [];
  const range = checkByteRange(ctx.doc, found.sigRef, found.sig);
  range.problems.forEach((p) => findings.push({ verdict: 'invalid', reason: p }));
  let cms: CheckedSignedData | undefined;
  let integrity: SignatureReport['integrity'] = 'broken';
  if (range.cms) {
    try {
      const signedBytes = range.ranges ? range.ranges.map(([s, l]) => ctx.doc.bytes.subarray(s, s + l)) : null;
      cms = checkSignedData(range.cms, signedBytes);
      if (cms.eContent) findings.push({ verdict: 'invalid', reason: '签名不是分离式签名' });
      if (!cms.digestMatches) findings.push({ verdict: 'invalid', reason: '文档内容在签章后被篡改（摘要不一致）' });
      if (!cms.signerCertificate) findings.push({ verdict: 'invalid', reason: '签名中缺少签章证书' });
      else if (!cms.signatureVerifies) findings.push({ verdict: 'invalid', reason: '签名值校验失败' });
      else if (!cms.signingCertificateBound) findings.push({ verdict: 'invalid', reason: '签名未绑定签章证书（缺少 ESS 签名证书属性）' });
      cms.problems.forEach((p) => findings.push({ verdict: 'invalid', reason: `签名格式不符合要求：${p}` }));
      if (range.ranges && cms.digestMatches && cms.signatureVerifies && !cms.eContent) integrity = 'intact';
    } catch {
      findings.push({ verdict: 'invalid', reason: '签名数据无法解析' });
    }
  }
  const claimed = parsePdfDate(found.sig.get('M'));
  let ts: TimestampCheck | null = null;
  const token = cms?.unsignedAttributes.get(OID.signatureTimeStampToken)?.[0];
  if (cms && token) ts = await checkTimestamp(token, cms.signatureValue, ctx.trustedRoots);
  if (ts && !ts.valid) ts.problems.forEach((p) => findings.push({ verdict: 'indeterminate', reason: p }));
  if (!ts && ctx.policy.requireTimestamp) findings.push({ verdict: 'indeterminate', reason: '签名没有可信时间戳，签章时间仅为签署方声明' });
  const at = ts?.valid && ts.time ? ts.time : claimed ?? ctx.now;
  if (ts?.valid && ts.time && ts.time > ctx.now) findings.push({ verdict: 'invalid', reason: '时间戳晚于当前时间' });

  let certificateStatus: CertificateStatus = 'missing';
  if (cms?.signerCertificate) {
    const chain = await verifyChainAt(cms.signerCertificate, cms.certificates, ctx.trustedRoots, at);
    certificateStatus = chain.status;
    const messages: Partial<Record<CertificateStatus, [Finding['verdict'], string]>> = {
      unknown_issuer: [ctx.policy.unknownIssuer, '签章证书不是由本平台签发（未知签发者）'],
      invalid_chain: ['invalid', '签章证书链校验失败'],
      expired: ['invalid', '签章时证书已过期'],
      not_yet_valid: ['invalid', '签章时证书尚未生效'],
    };
    const m = messages[chain.status];
    if (m) findings.push({ verdict: m[0], reason: m[1] });
    if (chain.status === 'valid' && ctx.revocationsAt) {
      const status = await ctx.revocationsAt(cms.signerCertificate, at);
      if (status === 'revoked') {
        certificateStatus = 'revoked';
        findings.push({ verdict: 'invalid', reason: '签章时证书已被吊销' });
      } else if (status === 'unknown') {
        certificateStatus = 'revocation_unknown';
        findings.push({ verdict: 'indeterminate', reason: '无法确定证书在签章时的吊销状态' });
      }
    }
  }
  const mods = range.revision === null ? { level: 'other' as const, modifications: ['无法确定签名对应的版本'] } : analyseModifications(ctx.doc, range.revision);
  if (MODIFICATION_ORDER.indexOf(mods.level) > MODIFICATION_ORDER.indexOf(ctx.policy.allowedAfterSigning))
    findings.push({ verdict: 'invalid', reason: `签章后文档被修改：${mods.modifications.join('；')}` });

  const info = cms?.signerCertificate ? safeRead(cms.signerCertificate) : undefined;
  const { verdict, reasons } = combine(findings);
  return {
    fieldName: found.fieldName,
    verdict,
    reasons: verdict === 'valid' ? ['签章有效：文档自签章后未被篡改，证书由本平台签发且签章时有效', ...mods.modifications.map((m) => `签章后的允许变更：${m}`)] : reasons,
    signer: { name: info?.holderName ?? info?.commonName ?? null, organization: info?.companyName ?? null, creditCode: info?.creditCode ?? null },
    seal: { name: info?.sealName ?? null, kind: kindOf(info?.sealKindLabel) },
    signingTime: ts?.valid && ts.time ? ts.time.toISOString() : claimed?.toISOString() ?? null,
    timestamp: ts?.time ? { time: ts.time.toISOString(), valid: ts.valid } : ts ? { time: '', valid: false } : null,
    certificateStatus,
    integrity,
    coverage: range.coverage,
    modifiedAfter: mods.level,
    modifications: mods.modifications,
    revision: range.revision === null ? null : range.revision + 1,
  };
}

function safeRead(der: Uint8Array): ReturnType<typeof sealCertificateInfo> | undefined {
  try {
    return sealCertificateInfo(der);
  } catch {
    return undefined;
  }
}

function kindOf(label: string | undefined): string | null {
  if (!label) return null;
  const hit = Object.entries(SEAL_KIND_LABELS).find(([, l]) => l === label);
  return hit ? hit[0] : 'custom';
}

function parsePdfDate(v: unknown): Date | undefined {
  if (!(v instanceof PdfString)) return undefined;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(v.text());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz] = m;
  let offset = 0;
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.replace(/\D/g, '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  }
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60000;
  return Number.isFinite(t) ? new Date(t) : undefined;
}
