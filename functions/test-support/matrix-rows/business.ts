import { randomUUID } from 'node:crypto';
import { seedCompany } from '../identity-stack';
import { MATRIX_PIN, type MatrixRole, type MatrixRow, type MatrixWorld } from '../matrix-harness';
import { uploadedDocument } from './credentials';
import { testTable } from '../../src/adapters/dynamodb/test-table';

/**
 * Rows of the window business, integration, custom seals, the audit chain, public verification
 * and the system-only routes.
 */

const company = () => {
  const c = seedCompany('lr-xinghe');
  return { creditCode: c.creditCode, name: c.name };
};

const submit = (world: MatrixWorld, as: MatrixRole, form: Record<string, unknown>) =>
  world.t.api('POST', '/v1/applications', { token: world.tokens[as], body: { company: company(), ...form } });

async function applicationsOf(world: MatrixWorld) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await world.store.applications.queue('submitted', { cursor, limit: 100 });
    ids.push(...page.items.filter((a) => a.companyId === world.companyId).map((a) => a.applicationId));
    cursor = page.cursor;
  } while (cursor);
  return ids.sort();
}

/** 系统接入 is asked for once; custom seals need it approved: each row sets what it starts from. */
const setIntegration = (world: MatrixWorld, integration: 'none' | 'approved') =>
  testTable(world.store).set('company', { companyId: world.companyId }, { integration });

const companyIntegration = async (world: MatrixWorld) =>
  (await world.store.companies.get(world.companyId))?.integration;

async function otherHolderGrant(world: MatrixWorld): Promise<string> {
  const grants = await world.store.grants.ofCompany(world.companyId);
  return grants.find((g) => g.granteeId === world.personIds.other_holder && g.state === 'active')!.grantId;
}

/** A PDF the legal representative signed over the documents API, made once. */
let signed: Promise<Uint8Array> | undefined;
function signedPdf(world: MatrixWorld): Promise<Uint8Array> {
  return (signed ??= (async () => {
    const sealId = await world.spareSeal();
    await world.claim('legal_representative', sealId);
    const documentId = await uploadedDocument(world, 'legal_representative');
    const res = await world.t.api('POST', `/v1/documents/${documentId}/sign`, {
      token: world.tokens.legal_representative,
      body: { sealId, pin: MATRIX_PIN, placements: [{ page: 1, x: 100, y: 100 }] },
    });
    if (res.status !== 200) throw new Error(`sign: ${JSON.stringify(res.body)}`);
    return new Uint8Array(await (await fetch(res.body.downloadUrl)).arrayBuffer());
  })());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row has its own context type
export const businessRows: MatrixRow<any>[] = [
  {
    // 窗口办理: any signed-in person fills in the form; the window checks materials and identity.
    action: 'window.submit',
    act: (world, as) => submit(world, as, { kind: 'freeze', sealIds: [world.sealA], reason: '权限矩阵测试' }),
    observe: applicationsOf,
    succeeded: (res) => expect(res.body).toMatchObject({ kind: 'freeze', state: 'submitted' }),
  },
  {
    // 窗口取消授权需法定代表人本人办理: the refusal says so (NOT_AUTHORIZED, 403, with that message).
    action: 'window.cancel_authorization',
    refusal: { status: 403, code: 'NOT_AUTHORIZED' },
    async act(world, as) {
      return submit(world, as, { kind: 'cancel_authorization', grantIds: [await otherHolderGrant(world)] });
    },
    observe: applicationsOf,
    succeeded: (res) => expect(res.body).toMatchObject({ kind: 'cancel_authorization', state: 'submitted' }),
  },
  {
    action: 'integration.apply',
    prepare: (world) => setIntegration(world, 'none'),
    act: (world, as) =>
      submit(world, as, {
        kind: 'system_integration',
        systemName: '合同管理系统',
        contactName: '王小明',
        contactPhone: '13800138000',
        purpose: '合同自动签章',
      }),
    observe: async (world) => [await applicationsOf(world), await companyIntegration(world)],
    succeeded: (res) => expect(res.body).toMatchObject({ kind: 'system_integration', state: 'submitted' }),
  },
  {
    action: 'custom_seal.apply',
    prepare: (world) => setIntegration(world, 'approved'),
    act: (world, as) =>
      submit(world, as, { kind: 'custom_seal', sealName: '项目专用章', design: { source: 'template', template: 'round' } }),
    observe: applicationsOf,
    succeeded: (res) => expect(res.body).toMatchObject({ kind: 'custom_seal', state: 'submitted' }),
  },
  {
    // Issuing a client's secret (rotating works the same way; revoking too, with the same check).
    action: 'integration.manage_credentials',
    async prepare(world) {
      const clientId = `ic_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
      await testTable(world.store).put('integrationClient', { clientId, companyId: world.companyId, secretHash: '-', state: 'active', createdAt: new Date().toISOString() });
      return clientId;
    },
    async act(world, as, clientId: string) {
      const faceTicket = await world.ticketFor(as, 'integration.manage_credentials', { companyId: world.companyId });
      return world.t.api('POST', `/v1/companies/${world.companyId}/integration/clients/${clientId}/secret`, {
        token: world.tokens[as],
        body: { faceTicket },
      });
    },
    async observe(world, clientId: string) {
      const client = await world.store.integrationClients.get(clientId);
      return [client?.secretHash, client?.version, client?.state];
    },
    succeeded: (res) => expect(res.body.clientSecret).toEqual(expect.any(String)),
  },
  {
    // Window staff approve on the staff route; a person's session there is refused before anything.
    action: 'application.review',
    async prepare(world) {
      const sealId = await world.spareSeal();
      const res = await submit(world, 'legal_representative', { kind: 'freeze', sealIds: [sealId], reason: '窗口冻结' });
      if (res.status !== 201) throw new Error(`application: ${JSON.stringify(res.body)}`);
      return { applicationId: res.body.applicationId as string, sealId };
    },
    act: (world, as, c: { applicationId: string }) =>
      world.t.api('POST', `/v1/staff/applications/${c.applicationId}/approve`, { token: world.tokens[as], body: {} }),
    async observe(world, c: { applicationId: string; sealId: string }) {
      const [app, seal] = await Promise.all([world.store.applications.get(c.applicationId), world.store.seals.get(c.sealId)]);
      return [app?.state, app?.version, seal?.state];
    },
    succeeded: (res) => expect(res.body).toMatchObject({ state: 'approved' }),
  },
  {
    // Window staff use their own route (`/v1/staff/...`), people the company route.
    action: 'audit.verify',
    act: (world, as) =>
      world.t.api('GET', `${as === 'window_staff' ? '/v1/staff' : '/v1'}/companies/${world.companyId}/audit/verify`, {
        token: world.tokens[as],
      }),
    succeeded: (res) => expect(res.body).toMatchObject({ intact: true }),
  },
  {
    action: 'audit.view',
    act: (world, as) => world.t.api('GET', `/v1/companies/${world.companyId}/audit/events?limit=5`, { token: world.tokens[as] }),
    succeeded: (res) => expect(res.body.items.length).toBeGreaterThan(0),
  },
  {
    action: 'audit.export',
    act: (world, as) => world.t.api('GET', `/v1/companies/${world.companyId}/audit/export?from=2020-01-01&to=2020-12-31`, { token: world.tokens[as] }),
    succeeded: (res) => expect(res.body).toMatchObject({ format: 'seal-audit-export', companyId: expect.any(String) }),
  },
  {
    // 免登录文档验证: public; a session, if sent, changes nothing.
    action: 'document.verify',
    prepare: (world) => signedPdf(world).then(() => undefined),
    async act(world, as) {
      const token = world.tokens[as];
      const res = await fetch(`${world.t.stack.url}/v1/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: (await signedPdf(world)) as BodyInit,
      });
      return { status: res.status, body: await res.json() };
    },
    succeeded: (res) => expect(res.body.signatures).toHaveLength(1),
  },
  {
    // System only: the registry's change notification. Its route authenticates the registry's
    // HMAC, so a person's (or staff's) session gets nowhere: the same 401 as no login.
    action: 'company.licence_changed',
    refusal: { status: 401, code: 'REQUEST_SIGNATURE_INVALID', all: true },
    act: (world, as) =>
      world.t.api('POST', '/v1/registry/notifications', {
        token: world.tokens[as],
        body: {
          notificationId: `n-${randomUUID()}`,
          creditCode: world.companyId,
          occurredAt: new Date().toISOString(),
          changes: [{ kind: 'closure' }],
        },
      }),
    observe: async (world) => (await world.store.companies.get(world.companyId))?.status,
  },
  {
    // An integrated system's own route (HTTP Basic with its API credentials): a session is not one.
    action: 'integration.view_seals',
    refusal: { status: 401, code: 'UNAUTHENTICATED', all: true },
    act: (world, as) => world.t.api('GET', '/v1/integration/seals', { token: world.tokens[as] }),
  },
];
