import { chainMemo } from './chain';
import { timestampMemo } from './timestamp';

/** Forgets memoized chain and timestamp verdicts (benchmarks measure cold verification with it). */
export function clearVerificationCaches(): void {
  chainMemo.clear();
  timestampMemo.clear();
}
