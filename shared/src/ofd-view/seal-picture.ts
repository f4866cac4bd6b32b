import { latin1Decode } from './text';

/**
 * The picture of a GB/T 38540 (or GM/T 0031) seal, read from the DER of `SES_Seal` or of the
 * `SES_Signature` that carries it, so a viewer can draw earlier seals. Only the path to the picture
 * is walked (SES_Seal → eSealInfo → picture → type, data), every length checked against the bytes;
 * the signatures are the verifier's business, not the viewer's.
 */
export interface SealPicture {
  type: string;
  data: Uint8Array;
}

interface Tlv {
  tag: number;
  body: Uint8Array;
}

function readTlv(bytes: Uint8Array, at: number): { tlv: Tlv; next: number } | undefined {
  if (at + 2 > bytes.length) return undefined;
  const tag = bytes[at]!;
  let length = bytes[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > bytes.length) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  if (start + length > bytes.length) return undefined;
  return { tlv: { tag, body: bytes.subarray(start, start + length) }, next: start + length };
}

/** The elements of a SEQUENCE, at most `max` of them. */
function items(seq: Tlv | undefined, max = 16): Tlv[] {
  if (!seq || seq.tag !== 0x30) return [];
  const out: Tlv[] = [];
  let at = 0;
  while (at < seq.body.length && out.length < max) {
    const read = readTlv(seq.body, at);
    if (!read) return [];
    out.push(read.tlv);
    at = read.next;
  }
  return out;
}

const whole = (bytes: Uint8Array): Tlv | undefined => readTlv(bytes, 0)?.tlv;

function pictureOfSeal(seal: Tlv | undefined): SealPicture | undefined {
  const picture = items(items(items(seal)[0])[3]);
  const [type, data] = picture;
  if (!type || !data || type.tag !== 0x16 || data.tag !== 0x04) return undefined;
  return { type: latin1Decode(type.body).toLowerCase(), data: data.body };
}

/** From `Seal.esl` (SES_Seal), or else from `SignedValue.dat` (SES_Signature: TBS_Sign's second field is the seal). */
export function sealPicture(sealEsl: Uint8Array | undefined, signedValue: Uint8Array | undefined): SealPicture | undefined {
  if (sealEsl) {
    const picture = pictureOfSeal(whole(sealEsl));
    if (picture) return picture;
  }
  if (signedValue) return pictureOfSeal(items(items(whole(signedValue))[0])[1]);
  return undefined;
}
