export interface GranteeDraft {
  role: 'seal_administrator' | 'seal_holder';
  name: string;
  idNumber: string;
  phone: string;
  medium: 'phone' | 'ukey';
}

export const emptyGrantee: GranteeDraft = { role: 'seal_holder', name: '', idNumber: '', phone: '', medium: 'phone' };

/** 被授权人信息 and 领取介质, shared by the forms that grant. */
export function GranteeFields({ value, onChange }: { value: GranteeDraft; onChange: (v: GranteeDraft) => void }) {
  const set = (patch: Partial<GranteeDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="grantee">
      <legend>被授权人</legend>
      <label>
        授权类型
        <select value={value.role} onChange={(e) => set({ role: e.target.value as GranteeDraft['role'] })}>
          <option value="seal_holder">印章持有人</option>
          <option value="seal_administrator">印章管理员</option>
        </select>
      </label>
      <label>
        姓名
        <input name="granteeName" value={value.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        身份证号
        <input name="granteeIdNumber" value={value.idNumber} onChange={(e) => set({ idNumber: e.target.value })} />
      </label>
      <label>
        手机号
        <input name="granteePhone" value={value.phone} onChange={(e) => set({ phone: e.target.value })} />
      </label>
      <label>
        领取介质
        <select value={value.medium} onChange={(e) => set({ medium: e.target.value as GranteeDraft['medium'] })}>
          <option value="phone">手机</option>
          <option value="ukey">Ukey</option>
        </select>
      </label>
    </fieldset>
  );
}

export function granteeOf(g: GranteeDraft) {
  return { role: g.role, grantee: { name: g.name, idNumber: g.idNumber, phone: g.phone }, medium: g.medium };
}
