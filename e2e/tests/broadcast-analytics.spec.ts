import { test, expect } from '../support/test.ts';
import { seedBroadcast } from '../support/users.ts';
import { screenshotBothWidths } from '../support/screenshots.ts';

test('a creator opens the charts of a past broadcast; the chart library loads only on that page', async ({ browser, users }) => {
  const context = await browser.newContext();
  const creator = await users.signUp(context.request, 'charts');
  const fan = await users.signUp((await browser.newContext()).request, 'fan');
  const sources = ['HOME', 'HOME', 'SEARCH', 'PROFILE', 'DIRECT', null];
  await seedBroadcast(creator.id, {
    minutes: 30,
    viewers: sources.map((source, index) => ({ from: index * 2, to: 12 + index * 3, source })),
    chatAt: [1, 1.5, 2, 6, 6.2, 6.4, 6.6, 12, 20],
    followerIds: [fan.id],
  });

  const page = await context.newPage();
  const chunks: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/assets/')) chunks.push(request.url());
  });
  await page.goto('/dashboard/analytics');
  const report = page.getByTestId('session-report');
  await expect(report).toContainText('Peak viewers');
  expect(chunks.some((url) => url.includes('session-charts'))).toBe(false);

  await report.getByRole('link', { name: /Charts for the broadcast/ }).click();
  await expect(page).toHaveURL(/\/dashboard\/analytics\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Viewers over time' })).toBeVisible();
  await expect(page.getByTestId('viewers-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('chat-chart').locator('canvas')).toBeVisible();
  await expect(page.getByRole('img', { name: /Concurrent viewers: peak of 6/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Chat messages per minute: 9 messages, at most 4 in one minute/ })).toBeVisible();
  await expect(page.getByTestId('broadcast-summary')).toContainText('Sunday ramen · ');
  await expect(page.getByTestId('broadcast-summary')).toContainText('30 min · 6 viewers, peak 6');
  await expect(page.getByTestId('new-followers')).toHaveText('+1');
  const list = page.getByTestId('viewer-sources');
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(list.getByRole('listitem').first()).toContainText('Home page');
  await expect(list.getByRole('listitem').first()).toContainText('2 · 33%');
  expect(chunks.some((url) => url.includes('session-charts'))).toBe(true);
  await screenshotBothWidths(page, 'broadcast-analytics');
  await context.close();
});
