import { getServices, replacePorts, setServices } from '../../composition';
import { startWindowHarness, type WindowHarness } from '../../../test-support/window-harness';
import { testTable } from '../../../test-support/table';
import { WechatStandIn } from '../../../test-support/wechat-stand-in';
import { AccessTokenCache } from '../../adapters/wechat/access-token';
import { NOTICE_PAGE, WechatSubscribeMessages } from '../../adapters/wechat/wechat-subscribe-messages';

/**
 * 消息 pushed as WeChat subscribe messages (the stand-in checks what WeChat checks): a person who
 * accepted the template gets one message; one who did not (43101) still finds it in 消息, and the
 * grant that caused it succeeds either way.
 */
const GRANT_TEMPLATE = 'tmpl-grant-0001';
let h: WindowHarness;
let wx: WechatStandIn;
beforeAll(async () => {
  h = await startWindowHarness();
  wx = await new WechatStandIn({ templates: { [GRANT_TEMPLATE]: ['thing1', 'thing2', 'phrase3', 'time4', 'thing5'] }, pages: [NOTICE_PAGE] }).start(0);
  const notifier = new WechatSubscribeMessages({
    base: wx.url,
    tokens: new AccessTokenCache({ base: wx.url, appId: wx.appId, appSecret: wx.appSecret, now: () => new Date() }),
    templates: { grant: GRANT_TEMPLATE },
    miniprogramState: 'developer',
  });
  setServices(replacePorts(getServices(), { notifier }));
}, 120_000);
afterAll(async () => {
  await wx?.stop();
  await h?.stop();
});

async function activeSeal(companyId: string) {
  const sealId = `seal-test-contract-${Math.random().toString(36).slice(2, 8)}`;
  const at = new Date().toISOString();
  await testTable(getServices().store).put('seal', { sealId, companyId, kind: 'contract', name: '合同专用章', state: 'active', createdAt: at, updatedAt: at });
  return sealId;
}

async function grantHolder(companyId: string, sealId: string) {
  const holder = h.person('holder');
  const faceTicket = await h.faceTicket('lr-xinghe', 'grant.authorize_holder', { companyId, sealIds: [sealId] });
  return h.call('POST', `/v1/companies/${companyId}/grants`, await h.token('lr-xinghe'), {
    role: 'seal_holder',
    sealIds: [sealId],
    grantee: { name: holder.name, idNumber: holder.idNumber, phone: holder.phone },
    faceTicket,
  });
}

const deliveries = async () => (await getServices().store.notifications.ofPerson(h.person('holder').personId)).items;

describe('消息 through WeChat subscribe messages', () => {
  it('pushes the grant to a person who accepted the template, and keeps it in 消息 for one who did not', async () => {
    const companyId = h.company('星河科技');
    await h.token('holder'); // the holder has logged in with WeChat once: the platform knows her openid
    const openid = (await getServices().store.people.get(h.person('holder').personId))!.openid!;
    expect(openid).toBeTruthy();

    // Not subscribed: WeChat answers 43101; the grant stands and 消息 has it.
    const first = await grantHolder(companyId, await activeSeal(companyId));
    expect(first.status).toBe(201);
    expect(wx.delivered).toHaveLength(0);
    expect((await deliveries())[0]).toMatchObject({ kind: 'grant_received', delivery: 'not_subscribed' });
    const listed = await h.call('GET', '/v1/notifications', await h.token('holder'));
    expect(listed.body.items[0]).toMatchObject({ kind: 'grant_received', title: '您获得了印章授权' });

    // She taps 允许 on her phone: the next grant reaches WeChat.
    wx.acceptSubscription(openid, GRANT_TEMPLATE);
    const second = await grantHolder(companyId, await activeSeal(companyId));
    expect(second.status).toBe(201);
    expect(wx.delivered).toHaveLength(1);
    expect(wx.delivered[0]).toMatchObject({ touser: openid, templateId: GRANT_TEMPLATE, page: NOTICE_PAGE, state: 'developer' });
    expect((await deliveries())[0]).toMatchObject({ kind: 'grant_received', delivery: 'sent' });
  });

  it('never fails the change when WeChat is down', async () => {
    await wx.stop();
    const companyId = h.company('星河科技');
    const granted = await grantHolder(companyId, await activeSeal(companyId));
    expect(granted.status).toBe(201);
    expect((await deliveries())[0]).toMatchObject({ kind: 'grant_received', delivery: 'failed' });
  });
});
