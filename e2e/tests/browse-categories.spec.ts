import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/test.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';

/** With CAPTURE_SCREENSHOTS=1, pictures for docs/screenshots/creator-tools/ at desktop and phone widths. */
async function capture(page: Page, name: string) {
  if (!process.env.CAPTURE_SCREENSHOTS) return;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
    await page.screenshot({
      path: path.join(import.meta.dirname, '../../docs/screenshots/creator-tools', `${name}-${width}.png`),
    });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('a creator picks a category and tags; viewers find the live stream under Browse and by tag', async ({ browser, users }) => {
  test.setTimeout(120_000);
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'cook');

  const dashboard = await creatorContext.newPage();
  await dashboard.goto('/dashboard/stream');
  await dashboard.getByLabel('Title', { exact: true }).fill('Sourdough from scratch');
  await dashboard.getByLabel('Category').selectOption({ label: 'Art & Creative' });
  // Six tags are refused before anything is sent.
  await dashboard.getByLabel('Tags').fill('a, b, c, d, e, f');
  await dashboard.getByRole('button', { name: 'Save changes' }).click();
  await expect(dashboard.getByText('Use at most 5 tags.')).toBeVisible();
  await dashboard.getByLabel('Tags').fill('Baking, bread, slow food');
  await dashboard.getByRole('button', { name: 'Save changes' }).click();
  await expect(dashboard.getByText('Stream info saved.')).toBeVisible();
  await expect(dashboard.getByLabel('Tags')).toHaveValue('baking, bread, slow food');

  const studio = await creatorContext.newPage();
  await goLiveFromBrowser(studio);
  await expect
    .poll(async () => (await (await creatorContext.request.get('/api/stream/status')).json()).isLive, { timeout: 30_000 })
    .toBe(true);

  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto('/');
  await viewer.getByRole('link', { name: 'Browse' }).click();
  await expect(viewer).toHaveURL(/\/browse$/);
  const creative = viewer.getByTestId('category-card').filter({ hasText: 'Art & Creative' });
  await expect(creative.getByTestId('category-live-count')).toHaveText('1 live channel');
  // Most live first: the only category with a live channel leads.
  await expect(viewer.getByTestId('category-card').first()).toContainText('Art & Creative');
  await capture(viewer, 'browse');

  await creative.click();
  await expect(viewer).toHaveURL(/\/browse\/creative$/);
  await expect(viewer.getByRole('heading', { name: 'Art & Creative' })).toBeVisible();
  const card = viewer.getByTestId('stream-card').filter({ hasText: 'Sourdough from scratch' });
  await expect(card.getByTestId('card-category')).toHaveText('Art & Creative');
  await expect(card).toContainText('#baking');
  await capture(viewer, 'browse-category');

  // Search finds the stream by a tag.
  await viewer.getByRole('searchbox').fill('BREAD');
  await viewer.getByRole('searchbox').press('Enter');
  await expect(viewer.getByTestId('stream-card').filter({ hasText: 'Sourdough from scratch' })).toBeVisible();

  await viewer.goto('/browse/creative');
  await viewer.getByTestId('stream-card').filter({ hasText: 'Sourdough from scratch' }).click();
  await expect(viewer).toHaveURL(new RegExp(`/${creator.username}/live$`));

  await endBrowserStream(studio);
  await creatorContext.close();
  await viewer.context().close();
});
