import { useCallback, useRef } from 'react';
import { useRouter, useUnload } from '@tarojs/taro';
import { abandonPageResult, goBack, settlePageResult } from '../../platform';

/**
 * Wires a simulator page to the call waiting on it: `answer(value)` closes the page and hands the
 * value back once the page is gone; closing it any other way reports a cancel.
 *
 * Why only once it is gone: Taro's H5 router finishes a "back" after the page's slide-out
 * animation (it unloads the page, then shows the one below). A caller resumed earlier could
 * navigate again (online application → 印章领取 with redirectTo) while the back was still under
 * way; the router then replaced the wrong page and left an empty screen. Settling on unload means
 * the caller resumes on its own page, as it would after WeChat's native face check.
 */
export function useSimulatedAnswer<T>(): { params: Record<string, string | undefined>; answer: (value: T) => void } {
  const { params } = useRouter();
  const resultId = params.resultId ?? '';
  const chosen = useRef<{ value: T } | null>(null);
  useUnload(() => {
    if (chosen.current) settlePageResult(resultId, chosen.current.value);
    else abandonPageResult(resultId);
  });
  const answer = useCallback((value: T) => {
    if (chosen.current) return;
    chosen.current = { value };
    void goBack();
  }, []);
  return { params, answer };
}
