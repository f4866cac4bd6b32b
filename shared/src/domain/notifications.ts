import { ROLE_LABELS, type GrantRole } from './roles';

/**
 * 消息: what the platform tells a person about their seals and applications, in the in-app list
 * and as a WeChat subscribe message. The domain stores the facts (kind + `NotificationFacts`); the
 * words are made here, at the edge, so the phone, the desktop and WeChat say the same thing.
 */
export const NOTIFICATION_KINDS = [
  'grant_received',
  'grant_cancelled',
  'application_approved',
  'application_rejected',
  'seals_revoked',
  'certificate_expiring',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The facts one notification carries; every field optional, each kind reads its own. */
export interface NotificationFacts {
  companyId?: string;
  companyName?: string;
  sealIds?: string[];
  sealNames?: string[];
  role?: GrantRole;
  applicationId?: string;
  reference?: string;
  /** The application kind, worded (印章申请, 印章授权…). */
  applicationLabel?: string;
  /** The window staff's reason for a rejection; the licence change's causes, worded. */
  reason?: string;
  /** YYYY-MM-DD, Beijing day, of a certificate's expiry. */
  expiresOn?: string;
  /** Days from the reminder to the expiry day. */
  daysLeft?: number;
}

/** Where tapping a notification leads (each app maps it to its own page). */
export type NotificationTarget = 'grants' | 'application' | 'seals' | 'renew';

export const NOTIFICATION_TARGETS: Record<NotificationKind, NotificationTarget> = {
  grant_received: 'seals',
  grant_cancelled: 'grants',
  application_approved: 'application',
  application_rejected: 'application',
  seals_revoked: 'seals',
  certificate_expiring: 'renew',
};

/** WeChat subscribe-message templates: one per group (a person subscribes to at most three at a time). */
export const NOTIFICATION_TEMPLATE_GROUPS = ['grant', 'application', 'seal'] as const;
export type NotificationTemplateGroup = (typeof NOTIFICATION_TEMPLATE_GROUPS)[number];
export const NOTIFICATION_TEMPLATE_OF: Record<NotificationKind, NotificationTemplateGroup> = {
  grant_received: 'grant',
  grant_cancelled: 'grant',
  application_approved: 'application',
  application_rejected: 'application',
  seals_revoked: 'seal',
  certificate_expiring: 'seal',
};

const seals = (f: NotificationFacts) => (f.sealNames?.length ? f.sealNames.join('、') : '印章');
const company = (f: NotificationFacts) => f.companyName ?? '贵企业';

/** Title and text of a notification, in Chinese. */
export function describeNotification(kind: NotificationKind, f: NotificationFacts): { title: string; body: string } {
  switch (kind) {
    case 'grant_received':
      return {
        title: '您获得了印章授权',
        body: `${company(f)}授权您为${f.role ? ROLE_LABELS[f.role] : '被授权人'}：${seals(f)}。${f.role === 'seal_holder' ? '请在“印章领取”中领取后使用。' : ''}`,
      };
    case 'grant_cancelled':
      return { title: '印章授权已取消', body: `${company(f)}已取消您对${seals(f)}的授权，相关印章即日起不能再由您使用或管理。` };
    case 'application_approved':
      return { title: '申请已通过', body: `您提交的${f.applicationLabel ?? '申请'}（申请编号 ${f.reference ?? '—'}）已由窗口审核通过。` };
    case 'application_rejected':
      return {
        title: '申请被驳回',
        body: `您提交的${f.applicationLabel ?? '申请'}（申请编号 ${f.reference ?? '—'}）被驳回，原因：${f.reason ?? '未注明'}。可修改后重新提交。`,
      };
    case 'seals_revoked':
      return {
        title: '印章已注销',
        body: `因${f.reason ?? '营业执照信息变更'}，${company(f)}的${seals(f)}已被注销，相关授权同时失效。如需使用，请重新申请印章。`,
      };
    case 'certificate_expiring':
      return {
        title: '印章证书即将到期',
        body: `${company(f)}的${seals(f)}证书将于${f.expiresOn ?? '近期'}到期${f.daysLeft !== undefined ? `（剩余${f.daysLeft}天）` : ''}，请在“印章管理 → 印章续期”中办理续期。`,
      };
  }
}
