// What other parties do over the API during the signing journey: the legal representative sets up
// the holder (claim, grant), freezes and cancels; anyone verifies. Not the journey's subject.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdfsig as pdfsigOn } from '../../../functions/test-support/pdf/third-party';
import { api } from './support/api';
import type { Person } from './support/people';

/** A session over the API as the phone would get it: WeChat code, face check, session. */
export async function apiLogin(base: string, person: Person): Promise<string> {
  const started = await api(base, 'POST', '/v1/login/wechat', { body: { code: `sim:${person.key}` } });
  const login = `/v1/login/${started.loginId}`;
  const secret = { loginSecret: started.loginSecret };
  const firstTime = started.identity ? {} : { name: person.name, idNumber: person.idNumber };
  const face = await api(base, 'POST', `${login}/face-checks`, { body: { ...secret, ...firstTime } });
  await api(base, 'POST', `${login}/face-checks/${face.ticketId}/result`, { body: { ...secret, passed: true } });
  const session = await api(base, 'POST', `${login}/session`, { body: { ...secret, faceTicket: face.ticketId } });
  return session.token;
}

/** A passed (simulated) face check for one action on some seals. */
export async function faceTicket(
  base: string,
  token: string,
  action: string,
  target: { companyId: string; sealIds?: string[] },
): Promise<string> {
  const started = await api(base, 'POST', '/v1/face-checks', { token, body: { action, target } });
  await api(base, 'POST', `/v1/face-checks/${started.ticketId}/result`, { token, body: { passed: true } });
  return started.ticketId;
}

export async function companySeals(
  base: string,
  token: string,
  companyId: string,
): Promise<Array<{ sealId: string; kind: string; name: string; state: string }>> {
  return (await api(base, 'GET', `/v1/companies/${companyId}/seals`, { token })).seals;
}

export async function claim(base: string, token: string, companyId: string, sealId: string, pin: string): Promise<void> {
  const ticket = await faceTicket(base, token, 'seal.claim', { companyId, sealIds: [sealId] });
  await api(base, 'POST', `/v1/seals/${sealId}/claim`, { token, body: { faceTicket: ticket, pin, pinConfirm: pin, medium: 'phone' } });
}

export async function authorizeHolder(base: string, token: string, companyId: string, sealIds: string[], holder: Person): Promise<string> {
  const ticket = await faceTicket(base, token, 'grant.authorize_holder', { companyId, sealIds });
  const grant = await api(base, 'POST', `/v1/companies/${companyId}/grants`, {
    token,
    body: {
      role: 'seal_holder',
      sealIds,
      grantee: { name: holder.name, idNumber: holder.idNumber, phone: holder.phone },
      medium: 'phone',
      faceTicket: ticket,
    },
  });
  return grant.grantId ?? grant.grant?.grantId;
}

export async function setFrozen(base: string, token: string, companyId: string, sealIds: string[], frozen: boolean): Promise<void> {
  const action = frozen ? 'freeze' : 'unfreeze';
  const ticket = await faceTicket(base, token, `seal.${action}`, { companyId, sealIds });
  const batch = await api(base, 'POST', `/v1/companies/${companyId}/seals/${action}`, {
    token,
    body: { faceTicket: ticket, sealIds, reason: frozen ? '印章保管人员变动' : '交接完成' },
  });
  if (batch.results.some((r: { ok: boolean }) => !r.ok)) throw new Error(`${action} refused: ${JSON.stringify(batch.results)}`);
}

export async function cancelGrant(base: string, token: string, companyId: string, grantId: string): Promise<void> {
  await api(base, 'POST', `/v1/companies/${companyId}/grants/${grantId}/cancel`, { token, body: {} });
}

/** 免登录文档验证 over the API: the PDF is the request body. */
export async function verifyOverApi(base: string, pdf: Buffer) {
  const response = await fetch(`${base}/v1/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf' },
    body: new Uint8Array(pdf),
  });
  if (!response.ok) throw new Error(`verify ${response.status}: ${await response.text()}`);
  return response.json();
}

/** A three-page contract (ASCII text: the standard fonts need no embedding). */
export async function threePageContract(file: string): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 3; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Purchase contract - page ${n} of 3`, { x: 60, y: 780, size: 18, font });
    for (let line = 0; line < 20; line++)
      page.drawText(`Clause ${n}.${line + 1}: the parties agree to the terms set out here.`, { x: 60, y: 730 - line * 24, size: 11, font });
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await doc.save());
}

/**
 * poppler's pdfsig with the platform root in a fresh NSS database: its report. Asynchronous, so the
 * stack in this process can answer NSS's OCSP request to the address the certificates name.
 */
export async function pdfsig(rootPem: string, file: string): Promise<string> {
  return (await pdfsigOn(readFileSync(file), [rootPem])).output;
}

/**
 * pdfsig's report per signature field. poppler prints one entry per widget, so a signature with a
 * 骑缝章 (one widget per page) appears several times under the same field name.
 */
export function pdfsigFields(report: string): Map<string, Array<{ valid: boolean; trusted: boolean }>> {
  const fields = new Map<string, Array<{ valid: boolean; trusted: boolean }>>();
  for (const entry of report.split(/^Signature #\d+:$/m).slice(1)) {
    const name = /Signature Field Name: (.+)$/m.exec(entry)?.[1]?.trim() ?? '?';
    const widgets = fields.get(name) ?? [];
    widgets.push({ valid: entry.includes('Signature is Valid.'), trusted: entry.includes('Certificate is Trusted.') });
    fields.set(name, widgets);
  }
  return fields;
}
