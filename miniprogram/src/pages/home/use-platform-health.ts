import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../platform';
import { fetchPlatformHealth, type PlatformHealth } from '../../services/health';

export type HealthView = { state: 'loading' } | { state: 'loaded'; health: PlatformHealth } | { state: 'failed'; message: string };

/** Loads `routes.health` on mount and on `reload()`. */
export function usePlatformHealth(): { view: HealthView; reload: () => void } {
  const [view, setView] = useState<HealthView>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setView({ state: 'loading' });
    fetchPlatformHealth().then(
      (health) => current && setView({ state: 'loaded', health }),
      (err: unknown) =>
        current &&
        setView({
          state: 'failed',
          message: err instanceof ApiError ? err.message : '平台状态获取失败，请稍后重试',
        }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { view, reload };
}
