import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { FormError } from '../../../components/feedback';
import { FormField } from '../../../components/form-field';
import { useAction } from '../../../components/use-action';
import { isValidIdNumber } from '../../../domain';
import { goBack, openTab, PlatformError } from '../../../platform';
import { finishPhoneLogin, startPhoneLogin, type PhoneLogin } from '../../../services/session';
import { refreshSession } from '../../../services/session-store';
import '../../../components/forms.css';

// 登录: WeChat login, then the face check of the person (named by name + ID number the first time).
export default function LoginPage() {
  const [attempt, setAttempt] = useState<PhoneLogin | null>(null);
  // A refused face check or a name that does not match spends the login attempt on the server: the
  // page starts over (what was typed stays) instead of retrying a dead attempt for ever.
  const [startOver, setStartOver] = useState(false);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const { busy, error, setError, run } = useAction();

  const start = () =>
    run(async () => {
      setAttempt(await startPhoneLogin());
      setStartOver(false);
    });
  const verify = () => {
    if (!attempt) return;
    if (!attempt.identity) {
      if (name.trim().length < 2) return setError('请填写姓名');
      if (!isValidIdNumber(idNumber.trim().toUpperCase())) return setError('身份证号码格式或校验位不正确');
    }
    void run(async () => {
      try {
        await finishPhoneLogin(attempt, attempt.identity ? undefined : { name: name.trim(), idNumber: idNumber.trim().toUpperCase() });
      } catch (failure) {
        // Closing the face-check screen keeps the attempt; anything else ends it.
        if (!(failure instanceof PlatformError && failure.code === 'CANCELLED')) {
          setAttempt(null);
          setStartOver(true);
        }
        throw failure;
      }
      setIdNumber('');
      await refreshSession();
      await goBack();
    });
  };

  return (
    <PageShell>
      <Text className="page-title">登录</Text>
      {!attempt ? (
        <View className="card">
          <Text className="page-note">使用微信登录，并通过人脸核验确认是您本人。</Text>
          <FormError message={error} />
          {startOver && <Text className="page-note">请核对姓名和身份证号码，点击“微信一键登录”重新开始。</Text>}
          <Button type="primary" block loading={busy} disabled={busy} onClick={() => void start()}>
            微信一键登录
          </Button>
        </View>
      ) : (
        <View className="card">
          {attempt.identity ? (
            <Text className="page-note">{`将核验 ${attempt.identity.name}（${attempt.identity.idNumberMasked}）本人。`}</Text>
          ) : (
            <View>
              <Text className="page-note">首次登录请填写本人姓名和身份证号码，用于实名人脸核验。</Text>
              <FormField label="姓名" value={name} onChange={setName} />
              <FormField label="身份证号码" value={idNumber} onChange={setIdNumber} type="idcard" maxlength={18} />
            </View>
          )}
          <FormError message={error} />
          <Button type="primary" block loading={busy} disabled={busy} onClick={verify}>
            开始人脸核验
          </Button>
        </View>
      )}
      <View className="actions">
        <Button block disabled={busy} onClick={() => void openTab('/pages/home/index')}>
          返回首页
        </Button>
      </View>
    </PageShell>
  );
}
