import { messageLink } from './message-link';
import type { NotificationView } from '../../../services/notifications';

const message = (over: Partial<NotificationView>): NotificationView => ({
  notificationId: 'n1',
  kind: 'grant_received',
  title: '您获得了印章授权',
  body: '',
  createdAt: '2026-12-03T00:00:00.000Z',
  target: 'seals',
  ...over,
});

describe('messageLink', () => {
  it('sends a grant or an expiring certificate to 印章管理 (a tab)', () => {
    expect(messageLink(message({ target: 'seals' }))).toEqual({ url: '/pages/seals/index', tab: true });
    expect(messageLink(message({ kind: 'certificate_expiring', target: 'renew' }))).toEqual({ url: '/pages/seals/index', tab: true });
  });

  it('opens the application a decision is about, or 我的申请 when it names none', () => {
    expect(messageLink(message({ kind: 'application_approved', target: 'application', applicationId: 'a1' })).url).toBe(
      '/packages/apply/result/index?applicationId=a1',
    );
    expect(messageLink(message({ kind: 'application_rejected', target: 'application' })).url).toBe('/packages/apply/mine/index');
  });

  it('opens 授权管理 for a cancelled grant', () => {
    expect(messageLink(message({ kind: 'grant_cancelled', target: 'grants' }))).toEqual({ url: '/packages/grant/manage/index' });
  });
});
