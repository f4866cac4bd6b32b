import { useCallback, useEffect, useRef, useState } from 'react';

/** A 二次确认: the question, what follows, and the confirming button's words. */
export interface ConfirmationRequest {
  title: string;
  consequence: string;
  confirmLabel: string;
}

/**
 * `ask(...)` before a destructive step (冻结, 注销, Ukey解绑, 吊销凭证, 撤回申请…) resolves true only when
 * the person confirms; render `dialog` where the page is. 取消, Esc and the backdrop all cancel.
 */
export function useConfirmation() {
  const [pending, setPending] = useState<(ConfirmationRequest & { resolve: (ok: boolean) => void }) | null>(null);
  const ask = useCallback(
    (request: ConfirmationRequest) =>
      new Promise<boolean>((resolve) => {
        setPending({ ...request, resolve });
      }),
    [],
  );
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const dialog = pending ? <ConfirmDialog request={pending} onAnswer={answer} /> : null;
  return { ask, dialog };
}

function ConfirmDialog({ request, onAnswer }: { request: ConfirmationRequest; onAnswer: (ok: boolean) => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  const latest = useRef(onAnswer);
  latest.current = onAnswer;
  useEffect(() => {
    // The safe choice has the focus: Enter alone never confirms a destructive step.
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && latest.current(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="confirm-backdrop" onClick={(e) => e.target === e.currentTarget && onAnswer(false)}>
      <div className="confirm-box" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-text" data-testid="confirm-dialog">
        <h3 id="confirm-title">{request.title}</h3>
        <p id="confirm-text">{request.consequence}</p>
        <div className="confirm-actions">
          <button ref={cancel} className="button" onClick={() => onAnswer(false)}>
            取消
          </button>
          <button className="button primary" onClick={() => onAnswer(true)}>
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
