import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { fontScaleStyle, refreshFontScale } from '../platform';
import { PrivacyPrompt } from './privacy-prompt';
import { useFontScale } from './use-font-scale';

/**
 * Every page renders inside this shell: it sets the text scale for the page (large-font support)
 * and hosts the privacy prompt, which must be drawn by the page in a mini-program.
 */
export function PageShell({ children }: PropsWithChildren) {
  const scale = useFontScale();
  useDidShow(() => refreshFontScale());
  return (
    <View className="page" style={fontScaleStyle(scale)}>
      {children}
      <PrivacyPrompt />
    </View>
  );
}
