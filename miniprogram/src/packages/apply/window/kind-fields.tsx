import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormField } from '../../../components/form-field';
import {
  ONLINE_APPLICABLE_KINDS,
  REVOCATION_CATEGORIES,
  REVOCATION_CATEGORY_LABELS,
  ROLE_LABELS,
  SEAL_KIND_LABELS,
  type GrantRole,
} from '../../../domain';
import type { GrantView } from '../../../services/grants';
import type { VisibleSeal } from '../../../services/seals';
import type { WindowDraft, WindowKind } from './build-request';

interface Props {
  kind: WindowKind;
  draft: WindowDraft;
  update: (patch: Partial<WindowDraft>) => void;
  seals: VisibleSeal[];
  grants: GrantView[];
}

const SEAL_KINDS_OF: Partial<Record<WindowKind, (s: VisibleSeal) => boolean>> = {
  authorize: (s) => s.state !== 'revoked',
  freeze: (s) => s.state === 'active' || s.state === 'renewal_due',
  unfreeze: (s) => s.state === 'frozen',
  revoke: (s) => s.state !== 'revoked',
};

/** The part of the window form that differs by business (guide: 窗口办理, one form per business). */
export function KindFields({ kind, draft, update, seals, grants }: Props) {
  const sealFilter = SEAL_KINDS_OF[kind];
  return (
    <View>
      {(kind === 'apply' || kind === 'change') && (
        <ChoiceChips
          label="申请印章"
          choices={ONLINE_APPLICABLE_KINDS.map((value) => ({ value, label: SEAL_KIND_LABELS[value] }))}
          selected={draft.kinds}
          onChange={(kinds) => update({ kinds })}
        />
      )}
      {sealFilter &&
        (seals.filter(sealFilter).length === 0 ? (
          <Text className="text-muted">该企业暂无可办理的印章</Text>
        ) : (
          <ChoiceChips
            label="选择印章"
            choices={seals.filter(sealFilter).map((s) => ({ value: s.sealId, label: s.name }))}
            selected={draft.sealIds}
            onChange={(sealIds) => update({ sealIds })}
          />
        ))}
      {kind === 'authorize' && (
        <View>
          <ChoiceChips
            label="授权类型"
            single
            choices={(['seal_holder', 'seal_administrator'] as GrantRole[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            selected={[draft.role]}
            onChange={([role]) => role && update({ role })}
          />
          <FormField label="被授权人姓名" value={draft.grantee.name} onChange={(name) => update({ grantee: { ...draft.grantee, name } })} />
          <FormField
            label="被授权人身份证号码"
            type="idcard"
            maxlength={18}
            value={draft.grantee.idNumber}
            onChange={(idNumber) => update({ grantee: { ...draft.grantee, idNumber } })}
          />
          <FormField
            label="被授权人手机号码"
            type="number"
            maxlength={11}
            value={draft.grantee.phone}
            onChange={(phone) => update({ grantee: { ...draft.grantee, phone } })}
          />
        </View>
      )}
      {kind === 'cancel_authorization' && (
        <ChoiceChips
          label="选择需要取消的授权"
          choices={grants.map((g) => ({ value: g.grantId, label: `${g.granteeName}（${ROLE_LABELS[g.role]}）` }))}
          selected={draft.grantIds}
          onChange={(grantIds) => update({ grantIds })}
        />
      )}
      {kind === 'revoke' && (
        <ChoiceChips
          label="注销原因"
          single
          choices={REVOCATION_CATEGORIES.map((value) => ({ value, label: REVOCATION_CATEGORY_LABELS[value] }))}
          selected={draft.category ? [draft.category] : []}
          onChange={([category]) => update({ category })}
        />
      )}
      {(kind === 'freeze' || kind === 'unfreeze' || (kind === 'revoke' && draft.category === 'other')) && (
        <FormField label="原因" value={draft.reason} onChange={(reason) => update({ reason })} maxlength={200} />
      )}
      {kind === 'system_integration' && (
        <View>
          <FormField label="接入系统名称" value={draft.systemName} onChange={(systemName) => update({ systemName })} />
          <FormField label="联系人姓名" value={draft.contactName} onChange={(contactName) => update({ contactName })} />
          <FormField
            label="联系人手机号码"
            type="number"
            maxlength={11}
            value={draft.contactPhone}
            onChange={(contactPhone) => update({ contactPhone })}
          />
          <FormField label="接入用途" value={draft.purpose} onChange={(purpose) => update({ purpose })} maxlength={200} />
        </View>
      )}
    </View>
  );
}
