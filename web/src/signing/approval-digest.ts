import type { PdfPlacement } from './placement';

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(data: ArrayBuffer | Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return hex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/**
 * What the phone approves: SHA-256 over the document's SHA-256, the seal and the exact placement,
 * in one canonical form (placements sorted, lower-left corners to 0.01 pt; the seal keeps its own size). The signing API recomputes it from
 * the stored document and the placement it is asked to apply, and refuses any difference.
 */
export function approvalText(input: {
  documentSha256: string;
  sealId: string;
  placements: Pick<PdfPlacement, 'page' | 'x' | 'y'>[];
  crossPage: boolean;
}): string {
  const placements = [...input.placements]
    .map((p) => ({ page: p.page, x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 }))
    .sort((a, b) => a.page - b.page || a.x - b.x || a.y - b.y);
  return JSON.stringify({ v: 1, document: input.documentSha256, sealId: input.sealId, crossPage: input.crossPage, placements });
}

export async function approvalDigest(input: Parameters<typeof approvalText>[0]): Promise<string> {
  return sha256Hex(approvalText(input));
}

/** The placement as the phone's summary says it: "第1页1处、第3页1处；骑缝章". */
export function placementSummary(placements: PdfPlacement[], crossPage: boolean): string {
  const perPage = new Map<number, number>();
  for (const p of placements) perPage.set(p.page, (perPage.get(p.page) ?? 0) + 1);
  const parts = [...perPage.entries()].sort(([a], [b]) => a - b).map(([page, n]) => `第${page}页${n}处`);
  if (crossPage) parts.push('骑缝章');
  return parts.join('、');
}
