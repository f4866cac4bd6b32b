import { createContext, useContext } from 'react';
import type { identityDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { useSession } from './use-session';

interface MeState {
  me?: identityDto.MeResponse;
  loading: boolean;
  reload: () => void;
}
const MeContext = createContext<MeState>({ loading: false, reload: () => undefined });

/** Who is logged in on this desktop and for which companies (`routes.me`), for every page. */
export function MeProvider({ children }: { children: React.ReactNode }) {
  const session = useSession('person');
  const { data, loading, reload } = useApi(
    () => (session ? call(routes.me) : Promise.resolve(undefined)),
    [session?.token],
  );
  return <MeContext.Provider value={{ me: session ? data : undefined, loading, reload }}>{children}</MeContext.Provider>;
}

export function useMe(): MeState {
  return useContext(MeContext);
}

/** The companies a person acts for: as legal representative, or through grants. */
export function companiesOf(me: identityDto.MeResponse | undefined): { companyId: string; name: string; roles: string[] }[] {
  if (!me) return [];
  const byId = new Map<string, { companyId: string; name: string; roles: string[] }>();
  for (const c of me.companies) byId.set(c.companyId, { companyId: c.companyId, name: c.name, roles: ['法定代表人'] });
  for (const g of me.grants) {
    const entry = byId.get(g.companyId) ?? { companyId: g.companyId, name: g.companyName, roles: [] };
    const role = g.role === 'seal_administrator' ? '印章管理员' : '印章持有人';
    if (!entry.roles.includes(role)) entry.roles.push(role);
    byId.set(g.companyId, entry);
  }
  return [...byId.values()];
}
