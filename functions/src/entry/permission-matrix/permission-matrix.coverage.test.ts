import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIONS, ACTION_NAMES, ROUTES, sealMachine, step, type Role } from '@seal/shared';
import { identityRows } from '../../../test-support/matrix-rows/identity';
import { sealRows } from '../../../test-support/matrix-rows/seals';
import { credentialRows } from '../../../test-support/matrix-rows/credentials';
import { businessRows } from '../../../test-support/matrix-rows/business';
import { NOT_REACHABLE_BY_A_PERSON } from '../../../test-support/matrix-rows/unreachable';

const SRC = path.resolve(__dirname, '../..');
const rows = [...identityRows, ...sealRows, ...credentialRows, ...businessRows];

/** Every file a module imports, transitively (relative imports only: the packages cannot reach our jobs). */
function reachableFrom(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const [, spec] of source.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
    const base = path.resolve(path.dirname(entry), spec!);
    const file = [`${base}.ts`, path.join(base, 'index.ts')].find(existsSync);
    if (file) reachableFrom(file, seen);
  }
  return seen;
}

describe('the permission matrix test covers every action', () => {
  it('has a row, or a reason it is not reachable by a person, for every action', () => {
    const tested = new Set(rows.map((r) => r.action));
    const unreachable = new Set(Object.keys(NOT_REACHABLE_BY_A_PERSON));
    expect(ACTION_NAMES.filter((a) => !tested.has(a) && !unreachable.has(a))).toEqual([]);
    expect([...unreachable].filter((a) => tested.has(a as never))).toEqual([]);
  });

  it('tests seal.sign through both the QR approval and the documents API', () => {
    expect(rows.filter((r) => r.action === 'seal.sign').map((r) => r.via)).toEqual(['QR sign approval', 'POST /v1/documents/{id}/sign']);
  });

  describe.each(Object.entries(NOT_REACHABLE_BY_A_PERSON))('%s', (action, entry) => {
    it('is held by the system only', () => {
      expect(ACTIONS[action as keyof typeof ACTIONS].roles).toEqual(['system']);
    });

    it('is refused by the seal machine to every person role, from every state', () => {
      const people: Role[] = ['legal_representative', 'seal_administrator', 'seal_holder', 'window_staff', 'person', 'anyone'];
      for (const role of people)
        for (const state of sealMachine.states) expect(step(sealMachine, state, entry!.event, role).ok).toBe(false);
      expect(step(sealMachine, 'active', entry!.event, 'system').ok).toBe(true);
    });

    it('is fired only by code no route handler can reach', () => {
      const firing = path.join(SRC, entry!.firedBy);
      expect(readFileSync(firing, 'utf8')).toContain(`'${entry!.event}'`);
      // The walk does follow handlers into the life cycle (else the check below would prove nothing).
      expect(reachableFrom(path.join(SRC, 'entry', 'handlers', 'freeze-seals.ts')).has(path.join(SRC, 'domain', 'seal', 'transition-seal.ts'))).toBe(true);
      const handlers = [...new Set(ROUTES.map((r) => r.handler))];
      const reaching = handlers.filter((h) => reachableFrom(path.join(SRC, 'entry', 'handlers', `${h}.ts`)).has(firing));
      expect(reaching).toEqual([]);
    });
  });
});
