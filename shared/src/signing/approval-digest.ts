/**
 * What the phone approves when a desktop signs (decision 0018): one canonical text over the
 * document's SHA-256, the seal and the exact placement, and its SHA-256 (`documentDigest`). The
 * desktop computes it when it asks for the `sign` challenge; the signing API recomputes it from the
 * stored document and the placement it is asked to apply, and refuses any difference.
 *
 * Web Crypto (`crypto.subtle`) is in every browser and in Node ≥ 19 as a global, so this file
 * needs no Node API and no extra dependency.
 */

/** A seal's place as the digest sees it: 1-based page, lower-left corner in PDF points. */
export interface ApprovedPlacement {
  page: number;
  x: number;
  y: number;
}

export interface ApprovalInput {
  /** Lower-case hex SHA-256 of the exact bytes to be signed. */
  documentSha256: string;
  sealId: string;
  placements: readonly ApprovedPlacement[];
  crossPage: boolean;
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(data: ArrayBuffer | Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return hex(await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/**
 * The canonical text: placements sorted, lower-left corners rounded to 0.01 pt (the seal keeps
 * its own size), so the order seals were dropped in and float noise do not matter.
 */
export function approvalText(input: ApprovalInput): string {
  const placements = input.placements
    .map((p) => ({ page: p.page, x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 }))
    .sort((a, b) => a.page - b.page || a.x - b.x || a.y - b.y);
  return JSON.stringify({
    v: 1,
    document: input.documentSha256.toLowerCase(),
    sealId: input.sealId,
    crossPage: input.crossPage,
    placements,
  });
}

export async function approvalDigest(input: ApprovalInput): Promise<string> {
  return sha256Hex(approvalText(input));
}

/** One document of a batch as its approval sees it: the seal is the batch's. */
export type BatchApprovalDocument = Omit<ApprovalInput, 'sealId'>;

/**
 * What the phone approves for a batch (decision 0210): each document's approval digest, in the
 * batch's order, under one seal. One approval covers exactly these files and placements; the API
 * recomputes it from the stored documents and the batch it is asked to start.
 */
export async function batchApprovalDigest(sealId: string, documents: readonly BatchApprovalDocument[]): Promise<string> {
  const digests = await Promise.all(documents.map((d) => approvalDigest({ ...d, sealId })));
  return sha256Hex(JSON.stringify({ v: 1, batch: true, sealId, documents: digests }));
}

/** The placement as the phone's summary says it: "第1页1处、第3页1处、骑缝章". */
export function placementSummary(placements: readonly ApprovedPlacement[], crossPage: boolean): string {
  const perPage = new Map<number, number>();
  for (const p of placements) perPage.set(p.page, (perPage.get(p.page) ?? 0) + 1);
  const parts = [...perPage.entries()].sort(([a], [b]) => a - b).map(([page, n]) => `第${page}页${n}处`);
  if (crossPage) parts.push('骑缝章');
  return parts.join('、');
}
