import type { Ports } from '../../../ports';
import type { StoredPayload } from '../payload';
import { templateSealSvg } from '../../../engines/forms/seal-preview';

/**
 * The approved custom seal's image in S3 (`seals/<sealId>/appearance.<ext>`): the uploaded picture
 * of the physical seal as checked at submission, or the template drawn by the appearance module
 * as SVG. Returns the object key kept on the seal.
 */
export async function storeCustomSealImage(
  services: Ports,
  input: { sealId: string; payload: StoredPayload; companyName: string; sealName: string; creditCode: string },
): Promise<string> {
  const blobs = services.blobs;
  const design = input.payload.request.kind === 'custom_seal' ? input.payload.request.design : undefined;
  if (design?.source === 'image' && input.payload.image) {
    const extension = input.payload.image.contentType === 'image/png' ? 'png' : 'jpg';
    const key = `seals/${input.sealId}/appearance.${extension}`;
    await blobs.copy(input.payload.image.key, key);
    return key;
  }
  const template = design?.source === 'template' ? design.template : 'round';
  const key = `seals/${input.sealId}/appearance.svg`;
  const svg = templateSealSvg({ template, companyName: input.companyName, sealName: input.sealName, creditCode: input.creditCode });
  await blobs.put(key, svg, { contentType: 'image/svg+xml' });
  return key;
}
