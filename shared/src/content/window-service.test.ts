import { APPLICATION_KINDS } from '../machines/application-machine';
import { BILINGUAL_NAME_MATERIALS, SERVICE_WINDOWS, isWindowBusiness, materialsFactsOfForm, windowMaterials } from './window-service';

describe('window materials', () => {
  it('lists the signed form, the licence and an ID for every window business; system integration is not one', () => {
    for (const kind of APPLICATION_KINDS) {
      if (!isWindowBusiness(kind)) {
        expect(kind).toBe('system_integration');
        continue;
      }
      const list = windowMaterials(kind);
      expect(list[0]).toContain('申请表');
      expect(list.some((m) => m.includes('营业执照'))).toBe(true);
      expect(list.some((m) => m.includes('身份证件'))).toBe(true);
    }
  });

  it('adds the English-name proof and the grantees’ IDs when the form asks for them, before the agent’s papers', () => {
    const plain = windowMaterials('apply');
    const full = windowMaterials('apply', { bilingualName: true, withGrantees: true });
    expect(plain).not.toContain(BILINGUAL_NAME_MATERIALS);
    expect(full).toContain(BILINGUAL_NAME_MATERIALS);
    expect(full.find((m) => m.startsWith('被授权人身份证件'))).toBeDefined();
    expect(full[full.length - 1]).toMatch(/^由他人代为办理/);
    // 授权 already asks for the grantees' IDs: not twice.
    expect(windowMaterials('authorize', { withGrantees: true }).filter((m) => m.startsWith('被授权人')).length).toBe(1);
  });

  it('asks the legal representative in person to cancel a grant at the window (no agent)', () => {
    expect(windowMaterials('cancel_authorization').join()).toContain('本人');
    expect(windowMaterials('cancel_authorization').join()).not.toContain('经办人');
  });

  it('reads the facts back from a submitted form', () => {
    const form = {
      sections: [
        {
          heading: '申请印章',
          rows: [
            ['印章', '法定名称章'],
            ['法定名称章', '中英文法定名称章'],
          ] as [string, string][],
        },
        { heading: '授权设置（1）', rows: [] },
      ],
    };
    expect(materialsFactsOfForm(form)).toEqual({ bilingualName: true, withGrantees: true });
    expect(materialsFactsOfForm({ sections: [{ heading: '冻结印章', rows: [['印章', '合同专用章']] }] })).toEqual({
      bilingualName: false,
      withGrantees: false,
    });
  });

  it('names each window with an address and opening hours', () => {
    expect(SERVICE_WINDOWS.length).toBeGreaterThan(0);
    for (const w of SERVICE_WINDOWS) expect(w.address && w.hours && w.name).toBeTruthy();
  });
});
