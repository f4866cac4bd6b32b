import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { screenshot } from './browser';

/**
 * Every page a journey shows is reviewed: a screenshot for a person to look at
 * (tests/e2e/screenshots/, not committed) and axe-core's accessibility rules, WCAG 2.x A and AA
 * (contrast included). Any serious or critical violation fails the journey, naming the rule, the
 * elements and what to fix.
 */
export async function review(page: Page, journey: string, step: string): Promise<void> {
  await screenshot(page, journey, step);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length === 0) return;
  const lines = blocking.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`)
        .join('\n'),
  );
  throw new Error(`axe-core on ${journey}/${step} (${page.url()}):\n${lines.join('\n')}`);
}
