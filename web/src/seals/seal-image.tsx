import { useEffect, useState } from 'react';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';

/**
 * The seal as the platform stamps it (GET /v1/seals/{sealId}/image): fetched with the session
 * token, which an <img src> to the API could not send, and shown from a blob: URL (the site's
 * policy allows `img-src blob:`), released when the row goes away.
 */
export function SealImage({ sealId, name }: { sealId: string; name: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    let objectUrl: string | undefined;
    call(routes.sealImage, { params: { sealId } }).then(
      (svg) => {
        if (!live) return;
        // The answer is served as image/svg+xml; the blob says so too, whatever the transport kept.
        objectUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setUrl(objectUrl);
      },
      () => undefined, // the row still names the seal; a missing picture is no error to report
    );
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [sealId]);
  return <span className="seal-image">{url && <img src={url} alt={`印章图片：${name}`} width={72} height={72} />}</span>;
}
