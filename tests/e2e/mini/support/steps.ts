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

/** Types the six-digit signing PIN on the 文件签章 keypad. */
export async function enterSigningPin(phone: Phone, pin: string): Promise<void> {
  await phone.see('请输入签章密码');
  for (const digit of pin) await phone.screen.locator('.pin-keypad__key', { hasText: new RegExp(`^${digit}$`) }).tap();
}

/**
 * Drags the last placed seal so its top-left lands at (fx, fy) of the page (fractions of its width
 * and height); answers where it landed, in CSS pixels from the page's top-left, and the page's width.
 */
export async function dragSealTo(phone: Phone, fx: number, fy: number): Promise<{ left: number; top: number; pageWidth: number }> {
  const pageBox = (await phone.screen.locator('.seal-placer').boundingBox())!;
  const seal = phone.screen.locator('.seal-placer__seal').last();
  const sealBox = (await seal.boundingBox())!;
  const target = { x: pageBox.x + pageBox.width * fx + sealBox.width / 2, y: pageBox.y + pageBox.height * fy + sealBox.height / 2 };
  await phone.page.mouse.move(sealBox.x + sealBox.width / 2, sealBox.y + sealBox.height / 2);
  await phone.page.mouse.down();
  await phone.page.mouse.move(target.x, target.y, { steps: 8 });
  await phone.page.mouse.up();
  const dropped = (await seal.boundingBox())!;
  return { left: dropped.x - pageBox.x, top: dropped.y - pageBox.y, pageWidth: pageBox.width };
}

/** 文档验证 without logging in: picks the file and waits for 文档有效. */
export async function verifyOnPhone(anyone: Phone, file: string): Promise<void> {
  await anyone.open('/packages/seal/verify/index');
  await anyone.see('文档验证');
  const chooser = anyone.page.waitForEvent('filechooser');
  await anyone.tap('选择PDF或OFD文件');
  await anyone.agreePrivacyIfAsked();
  await (await chooser).setFiles(file);
  await anyone.see('文档有效', 60_000);
}
