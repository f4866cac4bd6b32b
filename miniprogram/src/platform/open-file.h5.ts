import { shareFile } from './share-file';
import type { SharedFile } from './types';

/** A browser opens a PDF from our API by downloading it (as its share does). */
export async function openFile(file: SharedFile): Promise<void> {
  await shareFile(file);
}
