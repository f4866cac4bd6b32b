import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { fontScaleStyle, refreshFontScale } from '../platform';
import { ConfirmDialog } from './confirm-dialog';
import { PrivacyPrompt } from './privacy-prompt';
import { useFontScale } from './use-font-scale';

/**
 * Every page renders inside this shell: it sets the text scale for the page (large-font support)
 * and hosts the privacy prompt and the 二次确认 dialog, which must be drawn by the page in a mini-program.
 */
export function PageShell({ children, hidePrivacyPrompt }: PropsWithChildren<{ hidePrivacyPrompt?: boolean }>) {
  const scale = useFontScale();
  useDidShow(() => refreshFontScale());
  return (
    <View className="page" style={fontScaleStyle(scale)}>
      {children}
      {/* The privacy guide itself stays readable while the prompt waits on another page. */}
      {!hidePrivacyPrompt && <PrivacyPrompt />}
      <ConfirmDialog />
    </View>
  );
}
