import { Image, Text, View } from '@tarojs/components';
import type { PlacedSeal } from './types';

/** How a seal looks while it is placed: its image, or a stand-in of the right shape and size. */
export function SealMark({ seal, width, height }: { seal: PlacedSeal; width: number; height: number }) {
  const size = { width: `${width}px`, height: `${height}px` };
  if (seal.imageUrl) {
    const alt = `印章图片：${seal.name}`;
    return <Image className="seal-mark__image" src={seal.imageUrl} style={size} mode="aspectFit" nativeProps={{ alt, draggable: false }} />;
  }
  const shape = seal.kind === 'legal_representative_name' ? 'square' : seal.kind === 'invoice' ? 'oval' : 'round';
  return (
    <View className={`seal-mark seal-mark--${shape}`} style={size}>
      <Text className="seal-mark__name" style={{ fontSize: `${Math.max(8, width / 9)}px` }}>
        {seal.name}
      </Text>
    </View>
  );
}
