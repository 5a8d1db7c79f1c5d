import path from 'node:path';
import { test, expect } from '../support/test.ts';

test('a creator announces the next stream; a viewer sees the countdown, asks to be reminded and gets the calendar file', async ({
  browser,
  users,
}) => {
  test.setTimeout(120_000);
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'plan');
  const viewerContext = await browser.newContext();
  await users.signUp(viewerContext.request, 'early');

  const dashboard = await creatorContext.newPage();
  await dashboard.goto('/dashboard/stream');
  const when = new Date(Date.now() + 26 * 3_600_000);
  const local = new Date(when.getTime() - when.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await dashboard.getByLabel('When').fill(local);
  await dashboard.getByLabel('Next stream title').fill('Building a synth live');
  await dashboard.getByRole('button', { name: 'Announce' }).click();
  await expect(dashboard.getByText('Next stream announced.')).toBeVisible();

  const page = await viewerContext.newPage();
  await page.goto('/');
  const upcoming = page.getByTestId('upcoming-card').filter({ hasText: 'Building a synth live' });
  await expect(upcoming).toContainText(/in 1 d \d+ h/);

  await upcoming.click();
  await expect(page).toHaveURL(new RegExp(`/${creator.username}/live$`));
  const card = page.getByTestId('next-stream');
  // The offline card shows once the page is in the room and knows it is empty.
  await expect(card).toContainText('Building a synth live');
  await expect(card.getByTestId('countdown')).toHaveText(/in 1 d \d+ h/);
  await card.getByRole('button', { name: 'Remind me' }).click();
  await expect(card.getByRole('button', { name: 'Reminder set' })).toHaveAttribute('aria-pressed', 'true');
  if (process.env.CAPTURE_SCREENSHOTS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(import.meta.dirname, '../../docs/screenshots/creator-tools/next-stream-390.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  const download = page.waitForEvent('download');
  await card.getByRole('link', { name: 'Add to calendar' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.ics$/);

  // After a reload the reminder is still set.
  await page.reload();
  await expect(page.getByTestId('next-stream').getByRole('button', { name: 'Reminder set' })).toBeVisible();
  await creatorContext.close();
  await viewerContext.close();
});
