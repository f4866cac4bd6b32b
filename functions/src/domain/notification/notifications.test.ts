import { getServices } from '../../composition';
import { startWindowHarness, type WindowHarness } from '../../../test-support/window-harness';
import { testTable } from '../../../test-support/table';

/**
 * 消息 over the API on the local stack: what a person is told when a grant begins or ends and when
 * the window decides their application, marking read, and correcting a rejected application.
 */
let h: WindowHarness;
beforeAll(async () => {
  h = await startWindowHarness();
}, 120_000);
afterAll(() => h?.stop());

const XINGHE = '深圳市前海星河科技有限公司';
const xinghe = () => ({ creditCode: h.company('星河科技'), name: XINGHE });
const messages = async (who: string) => (await h.call('GET', '/v1/notifications', await h.token(who))).body;

async function activeSeal(companyId: string, kind: 'contract' | 'invoice' | 'finance', name: string) {
  const sealId = `seal-test-${kind}-${Math.random().toString(36).slice(2, 8)}`;
  const at = new Date().toISOString();
  await testTable(getServices().store).put('seal', { sealId, companyId, kind, name, state: 'active', createdAt: at, updatedAt: at });
  return sealId;
}

describe('消息 (notifications)', () => {
  it('tells a grantee their grant began and ended, in Chinese, with where to go', async () => {
    const companyId = xinghe().creditCode;
    const sealId = await activeSeal(companyId, 'contract', '合同专用章');
    const holder = h.person('holder');
    const faceTicket = await h.faceTicket('lr-xinghe', 'grant.authorize_holder', { companyId, sealIds: [sealId] });
    const granted = await h.call('POST', `/v1/companies/${companyId}/grants`, await h.token('lr-xinghe'), {
      role: 'seal_holder',
      sealIds: [sealId],
      grantee: { name: holder.name, idNumber: holder.idNumber, phone: holder.phone },
      faceTicket,
    });
    expect(granted.status).toBe(201);
    const received = (await messages('holder')).items[0];
    expect(received).toMatchObject({ kind: 'grant_received', title: '您获得了印章授权', target: 'seals', companyId });
    expect(received.body).toContain(XINGHE);
    expect(received.body).toContain('合同专用章');
    expect(received.readAt).toBeUndefined();

    const cancelled = await h.call('POST', `/v1/companies/${companyId}/grants/${granted.body.grantId}/cancel`, await h.token('lr-xinghe'), {});
    expect(cancelled.status).toBe(200);
    const list = await messages('holder');
    expect(list.items[0]).toMatchObject({ kind: 'grant_cancelled', title: '印章授权已取消', target: 'grants' });
    expect(list.items[0].body).toContain('不能再由您使用');
    expect(list.unread).toBeGreaterThanOrEqual(2);
    // Nobody else hears of it.
    expect((await messages('stranger')).items.filter((n: { companyId?: string }) => n.companyId === companyId)).toEqual([]);
  });

  it('pages the list a screenful at a time with its cursor; the unread count stays that of the newest', async () => {
    const all = await messages('holder');
    const token = await h.token('holder');
    const first = (await h.call('GET', '/v1/notifications?limit=1', token)).body;
    expect(first.items.map((n: { notificationId: string }) => n.notificationId)).toEqual([all.items[0].notificationId]);
    expect(first.cursor).toEqual(expect.any(String));
    expect(first.unread).toBe(all.unread);
    const second = (await h.call('GET', `/v1/notifications?limit=1&cursor=${encodeURIComponent(first.cursor)}`, token)).body;
    expect(second.items.map((n: { notificationId: string }) => n.notificationId)).toEqual([all.items[1].notificationId]);
    expect(second.unread).toBe(all.unread);
    for (const limit of ['0', '51', 'x']) expect((await h.call('GET', `/v1/notifications?limit=${limit}`, token)).status).toBe(400);
  });

  it('marks only my own messages read, and refuses an empty or oversized request', async () => {
    const before = await messages('holder');
    const first = before.items[0].notificationId;
    // Someone else marking my message changes nothing.
    expect((await h.call('POST', '/v1/notifications/read', await h.token('stranger'), { notificationIds: [first] })).status).toBe(200);
    expect((await messages('holder')).items[0].readAt).toBeUndefined();

    const marked = await h.call('POST', '/v1/notifications/read', await h.token('holder'), { notificationIds: [first] });
    expect(marked.status).toBe(200);
    expect(marked.body.unread).toBe(before.unread - 1);
    const after = await messages('holder');
    expect(after.items[0].readAt).toEqual(expect.any(String));
    // Marking it again is harmless.
    expect((await h.call('POST', '/v1/notifications/read', await h.token('holder'), { notificationIds: [first] })).body.unread).toBe(before.unread - 1);

    const empty = await h.call('POST', '/v1/notifications/read', await h.token('holder'), { notificationIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('请选择消息');
    const many = await h.call('POST', '/v1/notifications/read', await h.token('holder'), { notificationIds: Array.from({ length: 51 }, (_, i) => `n${i}`) });
    expect(many.status).toBe(400);
    expect((await h.call('GET', '/v1/notifications?cursor=forged', await h.token('holder'))).status).toBe(400);
    expect((await h.call('GET', '/v1/notifications')).status).toBe(401);
  });

  it('tells the applicant of a rejection with its reason; the corrected application is submitted again once, and its approval told too', async () => {
    const sealId = await activeSeal(xinghe().creditCode, 'invoice', '发票专用章');
    const submitted = await h.call('POST', '/v1/applications', await h.token('lr-xinghe'), { kind: 'freeze', company: xinghe(), sealIds: [sealId], reason: '临时' });
    expect(submitted.status).toBe(201);
    const id = submitted.body.applicationId;
    const rejected = await h.call('POST', `/v1/staff/applications/${id}/reject`, await h.staffToken(), { reason: '冻结原因不明确，请写明原因' });
    expect(rejected.status).toBe(200);

    const told = (await messages('lr-xinghe')).items.find((n: { applicationId?: string }) => n.applicationId === id);
    expect(told).toMatchObject({ kind: 'application_rejected', title: '申请被驳回', target: 'application' });
    expect(told.body).toContain('冻结原因不明确，请写明原因');
    expect(told.body).toContain(submitted.body.reference);

    // The applicant sees what they submitted, to correct it.
    const seen = await h.call('GET', `/v1/applications/${id}`, await h.token('lr-xinghe'));
    expect(seen.body.correction).toMatchObject({ kind: 'freeze', reason: '临时' });
    expect(seen.body.form.sections.length).toBeGreaterThan(0);

    const version = seen.body.version;
    const other = await h.call('POST', `/v1/applications/${id}/resubmit`, await h.token('stranger'), {
      request: { kind: 'freeze', company: xinghe(), sealIds: [sealId], reason: '财务交接期间暂停使用' },
      expectedVersion: version,
    });
    expect(other.status).toBe(404);
    const wrongKind = await h.call('POST', `/v1/applications/${id}/resubmit`, await h.token('lr-xinghe'), {
      request: { kind: 'revoke', company: xinghe(), sealIds: [sealId], reason: { category: 'other', text: '不用了' } },
      expectedVersion: version,
    });
    expect(wrongKind.status).toBe(400);
    const corrected = await h.call('POST', `/v1/applications/${id}/resubmit`, await h.token('lr-xinghe'), {
      request: { kind: 'freeze', company: xinghe(), sealIds: [sealId], reason: '财务交接期间暂停使用' },
      expectedVersion: version,
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ state: 'submitted', resubmissionOf: id });
    expect(corrected.body.applicationId).not.toBe(id);
    const old = await h.call('GET', `/v1/applications/${id}`, await h.token('lr-xinghe'));
    expect(old.body).toMatchObject({ state: 'rejected', resubmittedAs: corrected.body.applicationId });
    expect(old.body.correction).toBeUndefined();
    const twice = await h.call('POST', `/v1/applications/${id}/resubmit`, await h.token('lr-xinghe'), {
      request: { kind: 'freeze', company: xinghe(), sealIds: [sealId], reason: '再次提交' },
    });
    expect(twice.status).toBe(409);

    const approved = await h.call('POST', `/v1/staff/applications/${corrected.body.applicationId}/approve`, await h.staffToken(), {});
    expect(approved.status).toBe(200);
    const done = (await messages('lr-xinghe')).items.find((n: { applicationId?: string }) => n.applicationId === corrected.body.applicationId);
    expect(done).toMatchObject({ kind: 'application_approved', title: '申请已通过' });
  });
});
