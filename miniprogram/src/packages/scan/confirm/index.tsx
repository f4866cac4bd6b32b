import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { PinKeypad } from '../../../components/PinKeypad';
import { FormError } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { WithSession } from '../../../components/with-session';
import { useNow } from '../../../components/use-now';
import { hasExpired } from '@seal/shared/time';
import type { Action } from '../../../domain';
import { goBack, replacePage, scanCode } from '../../../platform';
import { approveChallenge, challengeIdFromQr, fetchChallenge, rejectChallenge, type ChallengeSummary } from '../../../services/challenges';
import { passFaceCheck } from '../../../services/face-check';
import { ChallengeCard } from './challenge-card';
import '../../../components/forms.css';

type Outcome = 'approved' | 'rejected';

function Confirm() {
  const [summary, setSummary] = useState<ChallengeSummary | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [askPin, setAskPin] = useState(false);
  const { busy, error, setError, run } = useAction();
  const now = useNow(1000, summary !== null && outcome === null);

  const scan = () =>
    run(async () => {
      setSummary(null);
      const { payload } = await scanCode();
      const challengeId = challengeIdFromQr(payload);
      if (!challengeId) throw new Error('无法识别该二维码，请扫描电子印章平台电脑端的二维码');
      setSummary(await fetchChallenge(challengeId));
    });
  // The page opens on the scanner, as 扫一扫 does.
  useEffect(() => void scan(), []);

  if (outcome)
    return (
      <View className="card feedback">
        <Text className="success-text">{outcome === 'approved' ? '已确认，请在电脑端继续操作' : '已拒绝该操作'}</Text>
        {outcome === 'approved' && summary?.details.documentCount !== undefined && (
          <Button block onClick={() => void replacePage('/packages/sign/batches/index')}>
            查看批量签章进度
          </Button>
        )}
        <Button type="primary" block onClick={() => void goBack()}>
          完成
        </Button>
      </View>
    );
  if (!summary)
    return (
      <View className="card feedback">
        <FormError message={error} />
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void scan()}>
          扫一扫
        </Button>
      </View>
    );
  const id = summary.challengeId;
  // Past its time the code can no longer be approved: say so rather than ask for a PIN in vain.
  const expired = hasExpired(summary.expiresAt, now);
  const approveWithFace = () =>
    run(async () => {
      const faceTicket = await passFaceCheck(summary.action as Action, { challengeId: id });
      await approveChallenge(id, { faceTicket });
      setOutcome('approved');
    });
  const approveWithPin = (pin: string) =>
    run(async () => {
      await approveChallenge(id, { pin });
      setOutcome('approved');
    });
  const reject = () =>
    run(async () => {
      await rejectChallenge(id);
      setOutcome('rejected');
    });
  if (askPin)
    return (
      <View>
        <ChallengeCard summary={summary} now={now} />
        {expired && <FormError message="二维码已过期，请在电脑端刷新二维码后重新扫描" />}
        <PinKeypad
          busy={busy}
          disabled={expired}
          error={error ?? undefined}
          submitLabel="确认签章"
          onSubmit={(pin) => void approveWithPin(pin)}
          onCancel={() => setAskPin(false)}
        />
      </View>
    );
  return (
    <View>
      <ChallengeCard summary={summary} now={now} />
      <FormError message={expired ? '二维码已过期，请在电脑端刷新二维码后重新扫描' : error} />
      <View className="actions">
        <Button
          type="primary"
          block
          loading={busy}
          disabled={busy || expired}
          onClick={() => (summary.proof === 'pin' ? (setError(null), setAskPin(true)) : void approveWithFace())}
        >
          {summary.proof === 'pin' ? '输入签章密码确认' : '人脸核验并确认'}
        </Button>
        {expired ? (
          <Button block onClick={() => void scan()}>
            重新扫码
          </Button>
        ) : (
          <Button block disabled={busy} onClick={() => void reject()}>
            拒绝
          </Button>
        )}
      </View>
    </View>
  );
}

// 扫一扫: a desktop action waits for this phone; show exactly what it is, then face check or PIN.
export default function ScanConfirmPage() {
  return (
    <PageShell>
      <Text className="page-title">扫码确认</Text>
      <WithSession>{() => <Confirm />}</WithSession>
    </PageShell>
  );
}
