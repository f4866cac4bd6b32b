import { useEffect, useState } from 'react';
import type { identityDto } from '@seal/shared/api';
import { ApiError } from '../../../platform';
import { fetchTestIdentities } from '../../../services/test-identities';

export type IdentitiesView =
  { state: 'loading' } | { state: 'loaded'; people: identityDto.TestIdentity[] } | { state: 'failed'; message: string };

export function useTestIdentities(): IdentitiesView {
  const [view, setView] = useState<IdentitiesView>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    fetchTestIdentities().then(
      (people) => current && setView({ state: 'loaded', people }),
      (err: unknown) => current && setView({ state: 'failed', message: err instanceof ApiError ? err.message : '测试身份获取失败' }),
    );
    return () => {
      current = false;
    };
  }, []);
  return view;
}
