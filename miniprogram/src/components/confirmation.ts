import { useSyncExternalStore } from 'react';

// 二次确认 before a destructive step (取消授权, 冻结, 注销, 忘记签章密码, 撤回申请…): the page asks
// `confirmDestructive(...)` and waits; the dialog hosted by PageShell shows the question and the
// consequence, and answers. One question at a time, like WeChat's own modal.
export interface ConfirmationRequest {
  /** What is about to happen, as a question: 确定取消孙丽的授权吗？ */
  title: string;
  /** What follows, in plain words: 取消后孙丽立即不能使用这些印章签章。 */
  consequence: string;
  /** The confirming button: 确定取消授权. */
  confirmLabel: string;
}

interface Pending extends ConfirmationRequest {
  answer: (confirmed: boolean) => void;
}

let pending: Pending | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Resolves true when the person confirms, false when they cancel. */
export function confirmDestructive(request: ConfirmationRequest): Promise<boolean> {
  pending?.answer(false);
  return new Promise((resolve) => {
    pending = {
      ...request,
      answer: (confirmed) => {
        pending = null;
        notify();
        resolve(confirmed);
      },
    };
    notify();
  });
}

export function usePendingConfirmation(): Pending | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
    () => pending,
  );
}
