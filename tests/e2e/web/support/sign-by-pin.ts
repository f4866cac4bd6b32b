import { api } from './api';
import type { Phone } from './phone';

/** 文件签章 through the PIN API (the mini-program's own signing), to get a signed file to verify. */
export async function signWithPin(
  base: string,
  phone: Phone,
  input: { name: string; pdf: Buffer; sealId: string; pin: string; placements: { page: number; x: number; y: number }[] },
): Promise<Buffer> {
  const ticket = await api(base, 'POST', '/v1/documents', { token: phone.token, body: { name: input.name, size: input.pdf.length } });
  const put = await fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.uploadHeaders, body: new Uint8Array(input.pdf) });
  if (!put.ok) throw new Error(`upload failed: ${put.status}`);
  const signed = await api(base, 'POST', `/v1/documents/${ticket.documentId}/sign`, {
    token: phone.token,
    body: { sealId: input.sealId, pin: input.pin, placements: input.placements },
  });
  return Buffer.from(await (await fetch(signed.downloadUrl)).arrayBuffer());
}
