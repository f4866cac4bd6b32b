import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import { useFontScale } from '../../components/use-font-scale';
import { changeFontScale, FONT_SCALE_CHOICES, fontScaleAdjustable } from '../../platform';

/** 字体大小: a choice in browsers; in WeChat the text follows the phone's system font size. */
export function FontSizeSetting() {
  const scale = useFontScale();
  return (
    <View className="card">
      <Text className="card-title">字体大小</Text>
      {fontScaleAdjustable ? (
        <View className="font-choices">
          {FONT_SCALE_CHOICES.map((choice) => (
            <Button key={choice.scale} type={choice.scale === scale ? 'primary' : 'default'} onClick={() => changeFontScale(choice.scale)}>
              {choice.label}
            </Button>
          ))}
        </View>
      ) : (
        <Text className="text-muted">已跟随手机系统字体大小，可在手机“设置”中调整。</Text>
      )}
    </View>
  );
}
