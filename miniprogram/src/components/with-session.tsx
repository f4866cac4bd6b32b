import type { ReactNode } from 'react';
import type { Me } from '../services/me';
import { useSession } from '../services/session-store';
import { ErrorBlock, Loading } from './feedback';
import { LoginRequired } from './login-required';

/** Renders `children(me)` once the person is known; login, loading and error states otherwise. */
export function WithSession({ children }: { children: (me: Me, reload: () => Promise<void>) => ReactNode }) {
  const { session, reload } = useSession();
  if (session.status === 'anonymous') return <LoginRequired />;
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'error') return <ErrorBlock message={session.message} onRetry={() => void reload()} />;
  return <>{children(session.me, reload)}</>;
}
