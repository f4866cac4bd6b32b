import { View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { WithSession } from '../../../components/with-session';
import type { Me } from '../../../services/me';
import { windowWidth } from '../../../platform';
import { ChooseStep } from './choose-step';
import { DoneStep } from './done-step';
import { PlaceStep } from './place-step';
import { useSigning } from './use-signing';
import './index.css';

/** 文件签章: choose company, seal and file; drag the seal; PIN; share the signed file. */
export default function SignPage() {
  return (
    <PageShell>
      <WithSession>{(me) => <SigningFlow me={me} />}</WithSession>
    </PageShell>
  );
}

const STEPS = [
  { step: 'choose', label: '印章与文件' },
  { step: 'place', label: '盖章' },
  { step: 'done', label: '完成' },
] as const;

function SigningFlow({ me }: { me: Me }) {
  // The page is drawn to the screen's width, less the page margins.
  const fitWidth = Math.max(240, windowWidth() - 32);
  const { state, busy, error, pinError, actions } = useSigning(fitWidth);
  return (
    <View className="sign-page">
      <View className="sign-steps">
        {STEPS.map(({ step, label }) => (
          <View key={step} className={`sign-steps__item${state.step === step ? ' sign-steps__item--on' : ''}`}>
            {label}
          </View>
        ))}
      </View>
      {state.step === 'choose' && <ChooseStep me={me} state={state} busy={busy} error={error} actions={actions} />}
      {state.step === 'place' && <PlaceStep state={state} fitWidth={fitWidth} busy={busy} pinError={pinError} actions={actions} />}
      {state.step === 'done' && <DoneStep state={state} busy={busy} error={error} actions={actions} />}
    </View>
  );
}
