import { PlatformError } from './errors';
import { requestPrivacyConsent } from './privacy-consent';
import type { ChooseFileOptions, ChosenFile } from './types';

/** A file input; must be called from a user gesture (a tap handler), as browsers require. */
export async function chooseFile({ extensions }: ChooseFileOptions = {}): Promise<ChosenFile> {
  await requestPrivacyConsent();
  const input = document.createElement('input');
  input.type = 'file';
  if (extensions?.length) input.accept = extensions.map((ext) => `.${ext}`).join(',');
  const file = await new Promise<File>((resolve, reject) => {
    input.addEventListener('change', () => {
      const picked = input.files?.[0];
      if (picked) resolve(picked);
      else reject(new PlatformError('CANCELLED', '未选择文件'));
    });
    input.addEventListener('cancel', () => reject(new PlatformError('CANCELLED', '未选择文件')));
    input.click();
  });
  return { name: file.name, size: file.size, path: URL.createObjectURL(file) };
}

/** The chosen file's bytes, for uploading. */
export async function readChosenFile(file: ChosenFile): Promise<ArrayBuffer> {
  try {
    const response = await fetch(file.path);
    return await response.arrayBuffer();
  } catch (cause) {
    throw new PlatformError('DEVICE_ERROR', '读取文件失败，请重试', { cause });
  }
}
