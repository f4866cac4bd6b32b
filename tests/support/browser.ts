import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { installCommand } from '../../scripts/prerequisites.mjs';

/** Debian's Chromium (no browser download here), headless, with no background network chatter. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: the journeys drive Debian's Chromium. Install: ${installCommand(['chromium'], { root: process.getuid?.() === 0 })} (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Content-Security-Policy violations seen by any page of a context made here, with where they
 * happened; `support/csp-guard.ts` fails the running test on any (the apps must work under their CSP).
 */
export const cspViolations: string[] = [];

async function watchCsp(context: BrowserContext): Promise<BrowserContext> {
  // Reported by the page itself (blocked script, style, image, connection, frame…)…
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`[csp] ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`);
    });
  });
  // …and by Chromium's own console messages ("Refused to … because it violates … Content Security Policy").
  context.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && (text.startsWith('[csp]') || /Content Security Policy/i.test(text))) cspViolations.push(`${message.location().url}: ${text}`);
  });
  return context;
}

/** Where the device is: a Chinese phone by default; a traveller's abroad (`America/New_York`) must see the same Beijing times. */
export interface DeviceOptions {
  timezoneId?: string;
}

/** A phone: mobile viewport, touch, a Chinese locale, Beijing's time zone unless told. */
export async function phoneContext(browser: Browser, baseURL: string, options: DeviceOptions = {}): Promise<BrowserContext> {
  return watchCsp(
    await browser.newContext({
      baseURL,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: options.timezoneId ?? 'Asia/Shanghai',
    }),
  );
}

/** A desktop browser. */
export async function desktopContext(browser: Browser, baseURL: string, options: DeviceOptions = {}): Promise<BrowserContext> {
  return watchCsp(
    await browser.newContext({
      baseURL,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
      timezoneId: options.timezoneId ?? 'Asia/Shanghai',
    }),
  );
}

const SHOTS = path.resolve(__dirname, '../e2e/screenshots');

/** Saves a screenshot of a key screen under tests/e2e/screenshots/ (not committed). */
export async function screenshot(page: Page, journey: string, step: string): Promise<void> {
  mkdirSync(path.join(SHOTS, journey), { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, journey, `${step}.png`), fullPage: true });
}
