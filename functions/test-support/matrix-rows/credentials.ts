import { createHash, sign } from 'node:crypto';
import { ukeyLoginMessage } from '@seal/shared/ukey-client';
import { getServices } from '../../src/composition';
import { platformOrigins } from '../../src/domain/identity/login/ukey-login';
import type { ApiResponse } from '../identity-stack';
import { samplePdf } from '../pdf/sample-pdf';
import { MATRIX_PIN, type MatrixRole, type MatrixRow, type MatrixWorld } from '../matrix-harness';
import { softwareUkey } from '../ukey';

/**
 * Rows of actions on a claimed credential: QR sign approval (PIN), PIN change and reset, UKey
 * binding. Each row gets its own seal, claimed once by the legal representative and the holder,
 * and keeps track of their PINs as allowed attempts change them.
 */
interface Claimed {
  sealId: string;
  pins: Partial<Record<MatrixRole, string>>;
}

/** A seal claimed by the legal representative and the holder, made on the row's first attempt. */
function claimedSeal(medium: 'phone' | 'ukey' = 'phone') {
  let fixture: Promise<Claimed> | undefined;
  return (world: MatrixWorld) =>
    (fixture ??= (async () => {
      const sealId = await world.spareSeal();
      for (const role of ['legal_representative', 'seal_holder'] as const) await world.claim(role, sealId);
      if (medium === 'ukey') {
        for (const role of ['legal_representative', 'seal_holder'] as const) {
          const bound = await ukeyFlow(world, role, 'bind', sealId);
          if (bound.status !== 200) throw new Error(`UKey binding of the fixture: ${JSON.stringify(bound.body)}`);
        }
      }
      return { sealId, pins: { legal_representative: MATRIX_PIN, seal_holder: MATRIX_PIN } };
    })());
}

/** The credentials of a seal as a refused attempt must leave them: state, medium, version, serial. */
async function credentialsOf(world: MatrixWorld, c: Claimed) {
  return (await world.store.credentials.ofSeal(c.sealId))
    .map((x) => `${x.credentialId}:${x.state}:${x.medium}:${x.version}:${x.serial}:${x.failedAttempts}`)
    .sort();
}

/** A PIN someone without a credential types: right format, so only permission can refuse. */
const pinOf = (c: Claimed, role: MatrixRole) => c.pins[role] ?? MATRIX_PIN;

/**
 * The whole desktop UKey flow as `role`: their desktop starts the QR challenge, `approver`'s phone
 * approves it with a face check, their desktop binds (or unbinds) with the challenge id and secret.
 * Stops at the first refusal and returns it.
 */
export async function ukeyFlow(
  world: MatrixWorld,
  role: MatrixRole,
  operation: 'bind' | 'unbind',
  sealId: string,
  approver: MatrixRole = 'legal_representative',
  ukey = softwareUkey(),
): Promise<ApiResponse> {
  const created = await world.t.api('POST', '/v1/challenges', {
    token: world.tokens[role],
    body: {
      purpose: `ukey_${operation}`,
      companyId: world.companyId,
      sealId,
      details: operation === 'bind' ? { ukeySerial: ukey.ukeySerial } : {},
    },
  });
  if (created.status >= 300) return created;
  const { challengeId, desktopSecret } = created.body;
  const faceTicket = await world.ticketFor(approver, 'ukey.confirm', { challengeId });
  const approved = await world.t.api('POST', `/v1/challenges/${challengeId}/approve`, {
    token: world.tokens[approver],
    body: { faceTicket },
  });
  if (approved.status >= 300) throw new Error(`approval: ${JSON.stringify(approved.body)}`);
  const token = operation === 'bind' ? { csr: ukey.csr(), ukeySerial: ukey.ukeySerial, keyId: ukey.keyId } : {};
  return world.t.api('POST', `/v1/seals/${sealId}/ukey/${operation}`, {
    token: world.tokens[role],
    body: { challengeId, desktopSecret, ...token },
  });
}

/**
 * UKey登录 (decision 0185): whoever's own credential is bound to the token logs in. Only the legal
 * representative and the seal's holders can have one (they claim and bind); anyone else has no
 * certificate the platform bound to a token, whatever they present: 403 UKEY_LOGIN_NOT_BOUND.
 */
const ukeyLoginRow: MatrixRow<{ ukey: ReturnType<typeof softwareUkey>; certificate: string }> = {
  action: 'session.login_ukey',
  refusal: { status: 403, code: 'UKEY_LOGIN_NOT_BOUND' },
  // A login has no caller yet: with no session, or as window staff, the same token is refused the
  // same way as for any person without a binding (the person roles above cover it).
  skip: ['anyone', 'window_staff'],
  async prepare(world, as) {
    const ukey = softwareUkey();
    if (as !== 'legal_representative' && as !== 'seal_holder') return { ukey, certificate: ukey.csr() };
    const sealId = await world.spareSeal();
    await world.claim(as, sealId);
    const bound = await ukeyFlow(world, as, 'bind', sealId, as, ukey);
    if (bound.status !== 200) throw new Error(`binding: ${JSON.stringify(bound.body)}`);
    return { ukey, certificate: bound.body.certificate as string };
  },
  async act(world, _as, { ukey, certificate }) {
    const { challenge } = (await world.t.api('POST', '/v1/login/ukey-challenges')).body as { challenge: string };
    const origin = platformOrigins(getServices().config)[0]!;
    const signature = sign('sha256', Buffer.from(ukeyLoginMessage(origin, challenge)), ukey.privateKey).toString('base64');
    return world.t.api('POST', '/v1/login/ukey', { body: { challenge, certificate, signature } });
  },
  succeeded: (res, as, world) => expect(res.body.person.personId).toBe(world.personIds[as]),
};

function ukeyRow(operation: 'bind' | 'unbind'): MatrixRow<Claimed> {
  const fixture = claimedSeal(operation === 'bind' ? 'phone' : 'ukey');
  return {
    action: operation === 'bind' ? 'ukey.bind' : 'ukey.unbind',
    prepare: fixture,
    act: (world, as, c) => ukeyFlow(world, as, operation, c.sealId),
    observe: credentialsOf,
    succeeded: (res) => expect(res.body).toMatchObject({ medium: operation === 'bind' ? 'ukey' : 'phone' }),
  };
}

const signFixture = claimedSeal();
const documentSignFixture = claimedSeal();

/** A PDF uploaded through the documents API by `role` (by the legal representative for those who cannot upload). */
export async function uploadedDocument(world: MatrixWorld, role: MatrixRole): Promise<string> {
  const owner = role === 'window_staff' || role === 'anyone' ? 'legal_representative' : role;
  const bytes = await samplePdf();
  const ticket = await world.t.api('POST', '/v1/documents', {
    token: world.tokens[owner],
    body: { name: '采购合同.pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
  });
  if (ticket.status !== 201) throw new Error(`document upload ticket: ${JSON.stringify(ticket.body)}`);
  const { 'content-length': _length, ...headers } = ticket.body.uploadHeaders as Record<string, string>;
  const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', headers, body: bytes as BodyInit });
  if (!put.ok) throw new Error(`document upload: HTTP ${put.status}`);
  return ticket.body.documentId;
}
const changeFixture = claimedSeal();
const resetFixture = claimedSeal();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row has its own context type
export const credentialRows: MatrixRow<any>[] = [
  {
    // 电脑网页签章 confirmed on the phone with the signing PIN (the QR path of `seal.sign`): the
    // desktop of the person asks, their phone approves; the approval names the credential that signs.
    action: 'seal.sign',
    via: 'QR sign approval',
    prepare: signFixture,
    async act(world, as, c: Claimed) {
      const created = await world.t.api('POST', '/v1/challenges', {
        token: world.tokens[as],
        body: { purpose: 'sign', companyId: world.companyId, sealId: c.sealId, details: { documentName: '采购合同.pdf', pageCount: 1 } },
      });
      if (created.status >= 300) return created;
      return world.t.api('POST', `/v1/challenges/${created.body.challengeId}/approve`, {
        token: world.tokens[as],
        body: { pin: pinOf(c, as) },
      });
    },
    observe: credentialsOf,
    succeeded: (res) => expect(res.body.state).toBe('approved'),
  },
  {
    // 文件签章 over the documents API: each person signs their own uploaded document with their PIN.
    action: 'seal.sign',
    via: 'POST /v1/documents/{id}/sign',
    async prepare(world, as) {
      const c = await documentSignFixture(world);
      return { ...c, documentId: await uploadedDocument(world, as) };
    },
    act: (world, as, c: Claimed & { documentId: string }) =>
      world.t.api('POST', `/v1/documents/${c.documentId}/sign`, {
        token: world.tokens[as],
        body: { sealId: c.sealId, pin: pinOf(c, as), placements: [{ page: 1, x: 100, y: 100 }] },
      }),
    async observe(world, c: Claimed & { documentId: string }) {
      const document = await world.store.documents.get(c.documentId, { consistent: true });
      return [document?.state, document?.version, await credentialsOf(world, c)];
    },
    succeeded: (res) => expect(res.body).toMatchObject({ version: 1, signatures: 1 }),
  },
  {
    action: 'credential.change_pin',
    prepare: changeFixture,
    async act(world, as, c: Claimed) {
      const faceTicket = await world.ticketFor(as, 'credential.change_pin', { sealIds: [c.sealId] });
      return world.t.api('POST', `/v1/seals/${c.sealId}/pin`, {
        token: world.tokens[as],
        body: { faceTicket, currentPin: pinOf(c, as), newPin: '246813', newPinConfirm: '246813' },
      });
    },
    observe: credentialsOf,
    succeeded(res, as, _w, c: Claimed) {
      expect(res.body).toEqual({ message: '修改成功' });
      c.pins[as] = '246813';
    },
  },
  {
    action: 'credential.reset_pin',
    prepare: resetFixture,
    async act(world, as, c: Claimed) {
      const faceTicket = await world.ticketFor(as, 'credential.reset_pin', { sealIds: [c.sealId] });
      return world.t.api('POST', `/v1/seals/${c.sealId}/pin/reset`, {
        token: world.tokens[as],
        body: { faceTicket, newPin: '864209', newPinConfirm: '864209' },
      });
    },
    observe: credentialsOf,
    succeeded(res, as, _w, c: Claimed) {
      expect(res.body.message).toBe('证书下载成功!');
      c.pins[as] = '864209';
    },
  },
  ukeyRow('bind'),
  ukeyRow('unbind'),
  ukeyLoginRow,
];
