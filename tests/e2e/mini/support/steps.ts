import type { Phone } from './phone';

/** Opens a tab of the tab bar (首页 / 印章管理 / 我的). */
const TAB_PATHS = { 首页: '/pages/home/index', 印章管理: '/pages/seals/index', 我的: '/pages/mine/index' } as const;

/** Opens a tab of the tab bar (首页 / 印章管理 / 我的); from a feature page, by its address. */
export async function openTab(phone: Phone, label: keyof typeof TAB_PATHS): Promise<void> {
  const tab = phone.page.locator('.taro-tabbar__tabbar').getByText(label, { exact: true });
  if (await tab.isVisible()) await tab.tap();
  else await phone.open(TAB_PATHS[label]);
}

/** Types a PIN and its confirmation into the two masked fields of a claim or PIN form. */
export async function enterNewPin(phone: Phone, pin: string, fields = 2): Promise<void> {
  const inputs = phone.screen.locator('input[placeholder="6位数字"]');
  // Taro draws each native input a moment after the page: wait until the fields are there.
  await inputs.nth(fields - 1).waitFor({ state: 'visible' });
  const count = await inputs.count();
  for (let i = count - fields; i < count; i++) await inputs.nth(i).fill(pin);
}

/** Taps the list row of a seal whose name contains `name`. */
export async function tapSeal(phone: Phone, name: string): Promise<void> {
  const row = phone.screen.locator('.list-title', { hasText: name }).first();
  await row.waitFor({ state: 'visible' });
  await row.tap();
}

/** Taps a choice chip. */
export async function tapChip(phone: Phone, label: string): Promise<void> {
  await phone.screen.locator('.chip', { hasText: label }).first().tap();
}
