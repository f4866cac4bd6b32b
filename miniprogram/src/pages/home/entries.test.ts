import { holder, legalRep, stranger } from '../../../test/session-fixtures';
import { homeEntries } from './entries';

const labels = (me: Parameters<typeof homeEntries>[0]) => homeEntries(me).map((e) => e.label);

describe('home entries', () => {
  it('offers only 文档验证 before login', () => {
    expect(labels(null)).toEqual(['文档验证']);
  });

  it('offers the legal representative every service of the guide', () => {
    expect(labels(legalRep)).toEqual(['印章申请', '印章领取', '印章授权', '文件签章', '印章管理', '系统接入', '扫一扫', '文档验证']);
  });

  it('lets a holder claim and sign but not authorize', () => {
    const shown = labels(holder);
    expect(shown).toEqual(expect.arrayContaining(['印章领取', '文件签章', '印章管理']));
    expect(shown).not.toContain('印章授权');
  });

  it('shows a person with no company only the window services', () => {
    expect(labels(stranger)).toEqual(['印章申请', '系统接入', '扫一扫', '文档验证']);
  });

  it('links 文件签章 to the signing page', () => {
    expect(homeEntries(legalRep).find((e) => e.label === '文件签章')?.url).toBe('/packages/sign/index/index');
  });
});
