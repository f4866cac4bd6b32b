import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { phoneContext, type DeviceOptions } from '../../../support/browser';
import { review } from '../../../support/review';
import type { Person } from './people';

/**
 * One person's phone: its own browser context (storage, session) and the H5 mini-program. WeChat's
 * own screens (login, face check, camera) are the H5 build's simulator pages, and the journeys walk
 * them as a person does: pick who logs in, tap 核验通过 / 核验不通过, paste the QR code's content.
 */
export class Phone {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly person: Person,
  ) {}

  static async open(browser: Browser, baseURL: string, person: Person, device: DeviceOptions = {}): Promise<Phone> {
    const context = await phoneContext(browser, baseURL, device);
    const page = await context.newPage();
    await page.goto('/#/pages/home/index');
    return new Phone(context, page, person);
  }

  /**
   * WeChat's face check (the simulator page): checks whose face is asked for (this phone's person
   * unless another name was typed), then answers.
   */
  async faceCheck(outcome: 'pass' | 'fail' = 'pass', name = this.person.name): Promise<void> {
    await this.simulator('人脸核验');
    await this.see(`模拟核验“${name}”本人`);
    await this.tap(outcome === 'pass' ? '核验通过' : '核验不通过');
    await this.gone();
  }

  /** The camera of 扫一扫 (the simulator page): what the camera would read is pasted. */
  async scanQr(payload: string): Promise<void> {
    await this.simulator('扫一扫');
    await this.screen.locator('textarea').fill(payload);
    await this.tap('确定');
    await this.gone();
  }

  /** wx.login (the simulator page): this phone's person is picked from the local test people. */
  async pickIdentity(): Promise<void> {
    await this.simulator('选择测试身份登录');
    await this.tap(new RegExp(`^${this.person.name}（`));
    await this.gone();
  }

  /** Waits for one of the simulator pages standing in for WeChat's own screens. */
  private async simulator(title: string): Promise<void> {
    await this.explained(this.screen.locator('.page-title', { hasText: title }).first().waitFor({ state: 'visible' }));
    await this.see('测试环境');
  }

  /** Waits until the simulator page has closed and the page below is back. */
  private async gone(): Promise<void> {
    await this.explained(this.screen.locator('.simulator-badge').waitFor({ state: 'detached', timeout: 15_000 }));
  }

  /** The page currently shown (Taro H5 keeps earlier pages of the stack hidden in the DOM). */
  get screen() {
    return this.page.locator('.taro_page:visible').last();
  }

  async tap(text: string | RegExp): Promise<void> {
    // Taro draws a button's text inside the button element, which takes the touch: tap through it.
    const target = this.screen.getByText(text, { exact: typeof text === 'string' }).first();
    await this.explained(target.waitFor({ state: 'visible' }));
    await this.settled(target);
    await target.tap({ force: true });
  }

  /**
   * A forced tap skips Playwright's own wait for a still target, so wait as a person does: until
   * the page has stopped loading (`.is-loading` placeholders gone) and the target no longer moves.
   * Otherwise a list arriving above it shifts the page and the tap lands on the row above.
   */
  private async settled(target: Locator): Promise<void> {
    await this.explained(this.screen.locator('.is-loading').first().waitFor({ state: 'detached', timeout: 15_000 }));
    let before = await target.boundingBox();
    for (let i = 0; i < 40; i++) {
      await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const now = await target.boundingBox();
      if (before && now && before.x === now.x && before.y === now.y) return;
      before = now;
    }
  }

  /** On a timeout, says which pages were open and what the top one showed. */
  private async explained(wait: Promise<void>): Promise<void> {
    try {
      await wait;
    } catch (error) {
      const pages = await this.page
        .locator('.taro_page')
        .evaluateAll((els) =>
          els.map((e) => `${e.id} [${getComputedStyle(e).display}] ${(e as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 200)}`),
        );
      throw new Error(`${(error as Error).message.split('\n')[0]}\npages:\n${pages.join('\n')}`);
    }
  }

  async fill(placeholder: string, value: string): Promise<void> {
    await this.input(placeholder).fill(value);
  }

  /** Taro's <Input> is a custom element around a native input: fill the native one. */
  input(placeholder: string) {
    return this.screen.locator(`input[placeholder="${placeholder}"]`).first();
  }

  async see(text: string | RegExp, timeout = 15_000): Promise<void> {
    await this.explained(this.screen.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout }));
  }

  /** Waits until the text has gone from the page shown (a dialog closed, a step left). */
  async notSee(text: string | RegExp, timeout = 15_000): Promise<void> {
    await this.explained(this.screen.getByText(text, { exact: false }).first().waitFor({ state: 'hidden', timeout }));
  }

  /** Answers the privacy prompt if it is shown. */
  async agreePrivacyIfAsked(): Promise<void> {
    const agree = this.screen.getByText('同意并继续');
    if (await agree.isVisible().catch(() => false)) await agree.tap({ force: true });
  }

  /** 登录 from 首页: WeChat login (simulated), name + ID number the first time, face check. */
  async login(): Promise<void> {
    await this.tap('登录');
    await this.see('微信一键登录');
    await this.tap('微信一键登录');
    await this.agreePrivacyIfAsked();
    await this.pickIdentity();
    // Taro's <Input> draws its native input a moment after the page's text: decide by the page's
    // note (first login asks for name and ID number, a known person is named), never by the input.
    const firstLogin = this.screen.getByText('首次登录请填写本人姓名和身份证号码');
    const known = this.screen.getByText(`将核验 ${this.person.name}`);
    await this.explained(firstLogin.or(known).first().waitFor({ state: 'visible' }));
    if (await firstLogin.isVisible()) {
      await this.fill('请输入姓名', this.person.name);
      await this.fill('请输入身份证号码', this.person.idNumber);
    }
    await this.tap('开始人脸核验');
    await this.faceCheck('pass');
    await this.see(`${this.person.name}，您好`);
  }

  /** Back to 首页 with a fresh page stack (as reopening the mini-program does); the session stays. */
  async home(): Promise<void> {
    await this.page.goto('/#/pages/home/index');
    await this.page.reload();
    await this.see('统一电子印章平台');
  }

  /** Opens a page by its address, with a fresh page stack. */
  async open(path: string): Promise<void> {
    await this.page.goto(`/#${path}`);
    await this.page.reload();
  }

  /**
   * Reviews the page once transitions have finished (a page slides in when opened): a screenshot
   * and axe-core, which fails the journey on any serious or critical violation.
   */
  async shot(journey: string, step: string): Promise<void> {
    // Spinners loop forever; only finite animations (page slides) are waited for.
    await this.page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
    await review(this.page, journey, step);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
