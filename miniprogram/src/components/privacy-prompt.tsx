import { Button, Text, View } from '@tarojs/components';
import { answerPrivacyPrompt, openPage, PRIVACY_AGREE_BUTTON_ID } from '../platform';
import { usePrivacyPromptOpen } from './use-privacy-prompt';
import './modal.css';
import './privacy-prompt.css';

const PRIVACY_SUMMARY =
  '为办理电子印章业务，我们需要收集和使用您的微信身份标识、人脸核验结果、扫码内容及您选择的文件。' +
  '这些信息仅用于身份核验、印章申领与签章，不会用于其他用途。请阅读并同意《电子印章平台隐私保护指引》后继续。';

/**
 * The privacy agreement, shown before the first collection of personal data. The agree button
 * carries WeChat's open-type so WeChat records the consent too (ignored in browsers).
 */
export function PrivacyPrompt() {
  const open = usePrivacyPromptOpen();
  if (!open) return null;
  return (
    <View className="modal-mask">
      <View className="modal" role="dialog" aria-modal="true" aria-labelledby="privacy-title">
        <Text className="modal-title" id="privacy-title">
          隐私保护指引
        </Text>
        <View className="modal-text">
          <Text>{PRIVACY_SUMMARY}</Text>
          <View className="privacy-link" role="link" onClick={() => void openPage('/packages/about/privacy/index')}>
            <Text>阅读完整的《隐私保护指引》</Text>
          </View>
        </View>
        <View className="modal-actions">
          <Button className="modal-secondary" onClick={() => answerPrivacyPrompt('decline')}>
            拒绝
          </Button>
          <Button
            className="modal-primary"
            id={PRIVACY_AGREE_BUTTON_ID}
            openType="agreePrivacyAuthorization"
            onClick={() => answerPrivacyPrompt('agree')}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
