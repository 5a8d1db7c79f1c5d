import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * With SCREENSHOTS_DIR set (e.g. docs/screenshots/creator-tools), saves the page at desktop (1440) and phone
 * (390) widths; otherwise does nothing, so journeys stay fast.
 */
export async function screenshotBothWidths(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  const original = page.viewportSize();
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.resolve(dir, `${name}-${width}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
