import { api } from './api';

export interface TestPerson {
  key: string;
  name: string;
  idNumber: string;
}

/** The seed's people (functions/seed/registry.json) the journeys use. */
export const PEOPLE = {
  xinchuangLegalRep: { key: 'lr-xinchuang', name: '李娜', idNumber: '440304199002152345' },
  xingheLegalRep: { key: 'lr-xinghe', name: '张伟', idNumber: '440305198001011235' },
  holder: { key: 'holder', name: '孙丽', idNumber: '440308199505127892' },
  /** 深圳华美国际贸易有限公司, foreign-invested. */
  huameiLegalRep: { key: 'lr-huamei', name: '陈静', idNumber: '440306198507204567' },
  stranger: { key: 'stranger', name: '周杰', idNumber: '440304197012259016' },
} satisfies Record<string, TestPerson>;

/** 深圳市南山新创电子有限公司: registered this month, so it has its four starter seals. */
export const XINCHUANG = { companyId: '91440300MA5GNC3P79', name: '深圳市南山新创电子有限公司' };

/**
 * The phone, driven through the API the mini-program calls: its H5 scan / confirm / PIN pages are
 * still being built, so the journeys take the phone's steps here (simulated face checks, as the
 * H5 build does). Each call is the same request the mini-program makes.
 */
export class Phone {
  token = '';
  constructor(
    private readonly base: string,
    readonly person: TestPerson,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- journey steps read loose JSON answers
  private call<T = any>(method: string, path: string, body?: unknown) {
    return api<T>(this.base, method, path, { token: this.token, body });
  }

  async login(): Promise<this> {
    const start = await api(this.base, 'POST', '/v1/login/wechat', { body: { code: `sim:${this.person.key}` } });
    const secret = start.loginSecret;
    const check = await api(this.base, 'POST', `/v1/login/${start.loginId}/face-checks`, {
      body: { loginSecret: secret, ...(start.identity ? {} : { name: this.person.name, idNumber: this.person.idNumber }) },
    });
    await api(this.base, 'POST', `/v1/login/${start.loginId}/face-checks/${check.ticketId}/result`, {
      body: { passed: true, loginSecret: secret },
    });
    const session = await api(this.base, 'POST', `/v1/login/${start.loginId}/session`, {
      body: { loginSecret: secret, faceTicket: check.ticketId },
    });
    this.token = session.token;
    return this;
  }

  /** A passed simulated face check for an action and target. */
  async faceTicket(action: string, target: Record<string, unknown>): Promise<string> {
    const started = await this.call('POST', '/v1/face-checks', { action, target });
    await this.call('POST', `/v1/face-checks/${started.ticketId}/result`, { passed: true });
    return started.ticketId;
  }

  /** 扫一扫: what the phone shows before approving. */
  async scan(qrPayload: string) {
    const challengeId = qrPayload.split(':').pop()!;
    return this.call('GET', `/v1/challenges/${challengeId}`);
  }

  /** 确认: a face check bound to this challenge (login, UKey) or the signing PIN (sign). */
  async approve(qrPayload: string, proof: { pin?: string } = {}) {
    const challengeId = qrPayload.split(':').pop()!;
    const summary = await this.scan(qrPayload);
    const body = proof.pin ? { pin: proof.pin } : { faceTicket: await this.faceTicket(summary.action, { challengeId }) };
    return this.call('POST', `/v1/challenges/${challengeId}/approve`, body);
  }

  async reject(qrPayload: string) {
    return this.call('POST', `/v1/challenges/${qrPayload.split(':').pop()}/reject`);
  }

  /** 印章领取: face check, PIN, certificate. */
  async claim(companyId: string, sealId: string, pin: string) {
    const faceTicket = await this.faceTicket('seal.claim', { companyId, sealIds: [sealId] });
    return this.call('POST', `/v1/seals/${sealId}/claim`, { faceTicket, pin, pinConfirm: pin });
  }

  async seals(companyId: string) {
    return this.call('GET', `/v1/companies/${companyId}/seals`);
  }
}
