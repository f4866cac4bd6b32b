import Taro from '@tarojs/taro';
import { isWeChatCancel, PlatformError } from './errors';
import { requestPrivacyConsent } from './privacy-consent';
import type { ChooseFileOptions, ChosenFile } from './types';

/** Picks a file from a WeChat chat (the usual way a document reaches the phone). */
export async function chooseFile({ extensions }: ChooseFileOptions = {}): Promise<ChosenFile> {
  await requestPrivacyConsent();
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
    const file = tempFiles[0];
    if (!file) throw new PlatformError('CANCELLED', '未选择文件');
    return { name: file.name, size: file.size, path: file.path };
  } catch (cause) {
    if (cause instanceof PlatformError) throw cause;
    if (isWeChatCancel(cause)) throw new PlatformError('CANCELLED', '未选择文件', { cause });
    throw new PlatformError('DEVICE_ERROR', '选择文件失败，请重试', { cause });
  }
}

/** The chosen file's bytes, for uploading. */
export function readChosenFile(file: ChosenFile): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      success: ({ data }) => resolve(data as ArrayBuffer),
      fail: (cause) => reject(new PlatformError('DEVICE_ERROR', '读取文件失败，请重试', { cause })),
    });
  });
}
