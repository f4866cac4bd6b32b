import type { NotificationView } from '../../../services/notifications';

/** Where tapping a message leads: a page to open, or a tab to switch to. */
export function messageLink(n: NotificationView): { url: string; tab?: true } {
  switch (n.target) {
    case 'grants':
      return { url: '/packages/grant/manage/index' };
    case 'application':
      return n.applicationId
        ? { url: `/packages/apply/result/index?applicationId=${n.applicationId}` }
        : { url: '/packages/apply/mine/index' };
    case 'seals':
    case 'renew':
      return { url: '/pages/seals/index', tab: true };
  }
}
