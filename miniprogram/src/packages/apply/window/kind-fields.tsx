import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormField } from '../../../components/form-field';
import { BILINGUAL_NAME_NOTE } from '@seal/shared/content';
import {
  MEDIA,
  MEDIUM_LABELS,
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
  /** The company is foreign-invested: it may ask for a 中英文法定名称章. */
  foreignInvested: boolean;
}

/** 授权设置: who (role, name, ID number, phone) and 领取介质, as the guide's window forms ask. */
function GranteeFields({ draft, update }: Pick<Props, 'draft' | 'update'>) {
  const grantee = (patch: Partial<WindowDraft['grantee']>) => update({ grantee: { ...draft.grantee, ...patch } });
  return (
    <View>
      <ChoiceChips
        label="授权类型"
        single
        choices={(['seal_holder', 'seal_administrator'] as GrantRole[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        selected={[draft.role]}
        onChange={([role]) => role && update({ role })}
      />
      <FormField label="被授权人姓名" value={draft.grantee.name} onChange={(name) => grantee({ name })} />
      <FormField
        label="被授权人身份证号码"
        type="idcard"
        maxlength={18}
        value={draft.grantee.idNumber}
        onChange={(idNumber) => grantee({ idNumber })}
      />
      <FormField
        label="被授权人手机号码"
        type="number"
        maxlength={11}
        value={draft.grantee.phone}
        onChange={(phone) => grantee({ phone })}
      />
      <ChoiceChips
        label="领取介质"
        single
        choices={MEDIA.map((m) => ({ value: m, label: MEDIUM_LABELS[m] }))}
        selected={[draft.medium]}
        onChange={([medium]) => medium && update({ medium })}
      />
      {draft.moreGrants.length > 0 && <Text className="field-hint">{`另有${draft.moreGrants.length}位被授权人按原申请一并提交`}</Text>}
    </View>
  );
}

const SEAL_KINDS_OF: Partial<Record<WindowKind, (s: VisibleSeal) => boolean>> = {
  authorize: (s) => s.state !== 'revoked',
  freeze: (s) => s.state === 'active' || s.state === 'renewal_due',
  unfreeze: (s) => s.state === 'frozen',
  revoke: (s) => s.state !== 'revoked',
};

/** The part of the window form that differs by business (guide: 窗口办理, one form per business). */
export function KindFields({ kind, draft, update, seals, grants, foreignInvested }: Props) {
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
      {kind === 'apply' && foreignInvested && (
        <View>
          <ChoiceChips
            label="外资企业中英文法定名称章"
            choices={[{ value: 'bilingual', label: '法定名称章制作为中英文名称章' }]}
            selected={draft.bilingualName ? ['bilingual'] : []}
            onChange={(on) =>
              update({
                bilingualName: on.length > 0,
                kinds: on.length > 0 && !draft.kinds.includes('company_name') ? [...draft.kinds, 'company_name'] : draft.kinds,
              })
            }
          />
          <Text className="field-hint">{BILINGUAL_NAME_NOTE}</Text>
        </View>
      )}
      {(kind === 'apply' || kind === 'change') && (
        <View>
          <ChoiceChips
            label="授权设置"
            choices={[{ value: 'grant', label: '同时进行授权设置' }]}
            selected={draft.withGrant ? ['grant'] : []}
            onChange={(on) =>
              update({
                withGrant: on.length > 0,
                grantKinds: on.length > 0 && draft.grantKinds.length === 0 ? draft.kinds : draft.grantKinds,
              })
            }
          />
          {draft.withGrant && (
            <View>
              <ChoiceChips
                label="授权印章"
                choices={draft.kinds.map((value) => ({ value, label: SEAL_KIND_LABELS[value] }))}
                selected={draft.grantKinds.filter((k) => draft.kinds.includes(k))}
                onChange={(grantKinds) => update({ grantKinds })}
              />
              <GranteeFields draft={draft} update={update} />
            </View>
          )}
        </View>
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
      {kind === 'authorize' && <GranteeFields draft={draft} update={update} />}
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
