import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code of a challenge payload (`sealqr:1:<challengeId>`: no secret in it). The payload is
 * also on the element so the tests' simulated phone can "scan" it.
 */
export function QrCode({ payload, label, dimmed }: { payload: string; label: string; dimmed?: boolean }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(payload, { margin: 1, width: 220, errorCorrectionLevel: 'M' }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [payload]);
  return (
    <div className={`qr ${dimmed ? 'qr-dimmed' : ''}`} data-testid="qr-code" data-qr-payload={payload}>
      {src ? <img src={src} alt={label} width={220} height={220} /> : <div className="qr-placeholder">生成中…</div>}
    </div>
  );
}
