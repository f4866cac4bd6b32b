import { Image, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { fetchSealImage } from '../services/seals';
import './forms.css';

/** The seal's image as a data URL once it has loaded; undefined before, or if it cannot be shown. */
export function useSealImage(sealId: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    setUrl(undefined);
    if (!sealId) return;
    let live = true;
    fetchSealImage(sealId).then(
      (loaded) => live && setUrl(loaded),
      () => undefined, // the row still names the seal; a missing picture is no error to report
    );
    return () => {
      live = false;
    };
  }, [sealId]);
  return url;
}

/** The real seal, as the platform stamps it, beside a seal's name in lists and choosers. */
export function SealImage({ sealId, name }: { sealId: string; name: string }) {
  const url = useSealImage(sealId);
  return (
    <View className="seal-image">
      {/* nativeProps: attributes of the H5 <img> inside taro-image-core (alt for screen readers and axe). */}
      {url && <Image className="seal-image__img" src={url} mode="aspectFit" nativeProps={{ alt: `印章图片：${name}` }} />}
    </View>
  );
}
