import { Text, View } from '@tarojs/components';
import { validityText } from '@seal/shared/time';
import { sealKindLabel } from '../../../components/seal-summary';
import type { ChallengeSummary } from '../../../services/challenges';

function Row({ label, value }: { label: string; value?: string | number }) {
  if (value === undefined || value === '') return null;
  return (
    <View className="kv">
      <Text className="kv-key">{label}</Text>
      <Text>{String(value)}</Text>
    </View>
  );
}

/** Exactly what the desktop asks to be approved: the business, company, seal, document, and from where. */
export function ChallengeCard({ summary, now }: { summary: ChallengeSummary; now: number }) {
  const { details } = summary;
  return (
    <View className="card">
      <Text className="card-title">{`确认${summary.purposeLabel}`}</Text>
      <Row label="企业" value={summary.company?.name} />
      <Row label="印章" value={summary.seal ? `${summary.seal.name}（${sealKindLabel(summary.seal.kind)}）` : undefined} />
      <Row label="文件" value={details.documentName} />
      <Row label="文件数" value={details.documentCount === undefined ? undefined : `${details.documentCount} 份（一次确认全部文件）`} />
      <Row label="页数" value={details.pageCount} />
      <Row label="盖章位置" value={details.placement} />
      <Row label="Ukey序列号" value={details.ukeySerial} />
      <Row label="电脑端" value={`${summary.desktop.browser} · ${summary.desktop.location}`} />
      <Row label="有效期" value={validityText(summary.expiresAt, now)} />
      <Text className="page-note">请确认是您本人在电脑端发起的操作；如非本人操作，请点击“拒绝”。</Text>
    </View>
  );
}
