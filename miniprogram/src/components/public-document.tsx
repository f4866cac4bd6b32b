import { Text, View } from '@tarojs/components';
import type { PublicDocument } from '@seal/shared/content';
import './forms.css';

/** 隐私保护指引, 用户服务协议, 帮助: the shared text, section by section. */
export function PublicDocumentView({ document }: { document: PublicDocument }) {
  return (
    <View>
      <Text className="page-title">{document.title}</Text>
      <Text className="page-note">{document.meta}</Text>
      {document.sections.map((section) => (
        <View key={section.heading} className="card">
          <View className="card-title" role="heading" aria-level={2}>
            <Text>{section.heading}</Text>
          </View>
          {section.paragraphs.map((p) => (
            <Text key={p} className="document-paragraph">
              {p}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
