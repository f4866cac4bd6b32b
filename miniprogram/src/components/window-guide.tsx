import { Text, View } from '@tarojs/components';
import { SERVICE_WINDOWS, windowMaterials, type MaterialsFacts, type WindowBusiness } from '@seal/shared/content';
import './forms.css';

/** 所需材料 and 办事窗口 (the shared lists the desktop shows too): what to bring, where, and when. */
export function WindowGuide({ kind, facts }: { kind: WindowBusiness; facts?: MaterialsFacts }) {
  return (
    <View className="card window-guide">
      <View className="card-title" role="heading" aria-level={2}>
        <Text>所需材料</Text>
      </View>
      <View role="list">
        {windowMaterials(kind, facts).map((m, i) => (
          <View key={m} role="listitem" className="document-paragraph">
            <Text>{`${i + 1}. ${m}`}</Text>
          </View>
        ))}
      </View>
      <View className="card-title section-title" role="heading" aria-level={2}>
        <Text>办事窗口</Text>
      </View>
      {SERVICE_WINDOWS.map((w) => (
        <View key={w.name} className="list-item">
          <Text className="list-title">{w.name}</Text>
          <Text className="list-sub">{`地址：${w.address}`}</Text>
          <Text className="list-sub">{`办公时间：${w.hours}`}</Text>
          <Text className="list-sub">{`咨询电话：${w.phone}`}</Text>
        </View>
      ))}
    </View>
  );
}
