import { useCallback } from 'react';
import { useRouter, useUnload } from '@tarojs/taro';
import { abandonPageResult, goBack, settlePageResult } from '../../platform';

/**
 * Wires a simulator page to the call waiting on it: `answer(value)` hands the value back and
 * closes the page; closing it any other way reports a cancel.
 */
export function useSimulatedAnswer<T>(): { params: Record<string, string | undefined>; answer: (value: T) => void } {
  const { params } = useRouter();
  const resultId = params.resultId ?? '';
  useUnload(() => abandonPageResult(resultId));
  const answer = useCallback(
    (value: T) => {
      settlePageResult(resultId, value);
      void goBack();
    },
    [resultId],
  );
  return { params, answer };
}
