import type { documentDto } from '@seal/shared';
import { downloadSigned } from './sign-flow';

/** What both signing dialogs show once the document is signed: the counts and the download. */
export function SignedOutcome({
  signed,
  fileName,
  onError,
}: {
  signed: documentDto.SignedDocument;
  fileName: string;
  onError: (message: string) => void;
}) {
  return (
    <div className="ok" data-testid="sign-outcome">
      <p>
        签章成功，文件共 {signed.pages} 页、{signed.signatures} 个签章。
      </p>
      <button
        className="button primary"
        data-testid="download-signed"
        onClick={() => void downloadSigned(signed, fileName).catch((e: Error) => onError(e.message))}
      >
        下载已签章文件
      </button>
    </div>
  );
}
