import { startWindowHarness, type WindowHarness } from '../../../test-support/window-harness';

let h: WindowHarness;
beforeAll(async () => {
  h = await startWindowHarness();
}, 120_000);
afterAll(() => h?.stop());

const apply = async (who: string, companyId: string, body: Record<string, unknown>) =>
  h.call('POST', `/v1/companies/${companyId}/seal-applications`, await h.token(who), body);

describe('在线申请 (online apply)', () => {
  it('creates the chosen seals as pending_claim for the legal representative after a face check', async () => {
    const companyId = h.company('星河科技');
    const faceTicket = await h.faceTicket('lr-xinghe', 'seal.apply_online', { companyId });
    const res = await apply('lr-xinghe', companyId, { faceTicket, kinds: ['contract', 'invoice'] });
    expect(res.status).toBe(201);
    expect(res.body.seals.map((s: { kind: string; state: string }) => [s.kind, s.state]).sort()).toEqual([
      ['contract', 'pending_claim'],
      ['invoice', 'pending_claim'],
    ]);
  });

  it('refuses to apply twice for a seal the company already has', async () => {
    const companyId = h.company('星河科技');
    const faceTicket = await h.faceTicket('lr-xinghe', 'seal.apply_online', { companyId });
    const res = await apply('lr-xinghe', companyId, { faceTicket, kinds: ['contract'] });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('合同专用章');
  });

  it('refuses someone who is not the legal representative', async () => {
    const companyId = h.company('星河科技');
    const faceTicket = await h.faceTicket('stranger', 'seal.apply_online', { companyId });
    const res = await apply('stranger', companyId, { faceTicket, kinds: ['finance'] });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'NOT_AUTHORIZED', message: '需商事主体负责人本人办理' });
  });

  it('sends a partnership with several executive partners to the window, before any face check', async () => {
    const companyId = h.company('鹏程投资');
    const token = await h.token('lr-pengcheng');
    const faceCheck = await h.call('POST', '/v1/face-checks', token, { action: 'seal.apply_online', target: { companyId } });
    expect(faceCheck.status).toBe(422);
    expect(faceCheck.body).toEqual({ code: 'WINDOW_REQUIRED', message: '执行事务合伙人为多个的合伙企业，需通过窗口办理印章申请' });
    // The application itself is refused the same way, whatever ticket it carries.
    const res = await apply('lr-pengcheng', companyId, { faceTicket: 'ft-'.padEnd(24, 'x'), kinds: ['company_name'] });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('WINDOW_REQUIRED');
  });

  it('sends a foreign-invested company wanting a Chinese-English name seal to the window', async () => {
    const companyId = h.company('华美国际');
    const faceTicket = await h.faceTicket('lr-huamei', 'seal.apply_online', { companyId });
    const res = await apply('lr-huamei', companyId, { faceTicket, kinds: ['company_name'], bilingualName: true });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('中英文法定名称章');
  });

  it('refuses without a face ticket, and with a ticket for another action, writing nothing', async () => {
    const companyId = h.company('华美国际');
    const missing = await apply('lr-huamei', companyId, { kinds: ['finance'] });
    expect(missing.status).toBe(400);
    const wrongAction = await h.faceTicket('lr-huamei', 'seal.freeze', { companyId });
    const refused = await apply('lr-huamei', companyId, { faceTicket: wrongAction, kinds: ['finance'] });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FACE_TICKET_INVALID');
    const unknown = await apply('lr-huamei', companyId, { faceTicket: 'ft-never-issued-0000', kinds: ['finance'] });
    expect(unknown.body.code).toBe('FACE_TICKET_INVALID');
    const data = await (await import('../../composition')).getServices().store.seals.ofCompany(companyId);
    expect(data.filter((s) => s.kind === 'finance')).toEqual([]);
  });

  it('gives a newly registered company its four standard seals without applying', async () => {
    const companyId = h.company('南山新创');
    const { getServices } = await import('../../composition');
    const data = await getServices().store.seals.ofCompany(companyId);
    expect(data.map((s) => [s.kind, s.state]).sort()).toEqual([
      ['company_name', 'pending_claim'],
      ['contract', 'pending_claim'],
      ['finance', 'pending_claim'],
      ['legal_representative_name', 'pending_claim'],
    ]);
    // A second look (here: the legal representative applying) neither duplicates nor re-creates them.
    const faceTicket = await h.faceTicket('lr-xinchuang', 'seal.apply_online', { companyId });
    const again = await apply('lr-xinchuang', companyId, { faceTicket, kinds: ['finance'] });
    expect(again.status).toBe(409);
    const after = await getServices().store.seals.ofCompany(companyId);
    expect(after).toHaveLength(4);
  });
});
