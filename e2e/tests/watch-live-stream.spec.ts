import type { BrowserContext } from '@playwright/test';
import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';

test('a signed-in viewer and a guest both watch a creator who is live', async ({ browser, users }) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'cam');
  await goLiveFromBrowser(await creatorContext.newPage());

  // The served page carries each visitor's pass: the room connects without asking the token route.
  const tokenRequests: string[] = [];
  const countTokenRequests = (context: BrowserContext) =>
    context.on('request', (request) => request.url().endsWith('/api/viewer/token') && tokenRequests.push(request.url()));

  const viewerContext = await browser.newContext();
  countTokenRequests(viewerContext);
  await users.signUp(viewerContext.request, 'viewer');
  const viewerPage = await viewerContext.newPage();
  await viewerPage.goto(`/${creator.username}/live`);

  const guestContext = await browser.newContext();
  countTokenRequests(guestContext);
  const guestPage = await guestContext.newPage();
  await guestPage.goto(`/${creator.username}/live`);

  for (const page of [viewerPage, guestPage]) {
    await expectVideoPlaying(page.getByTestId('host-video'));
    await expect(page.getByTestId('live-badge')).toBeVisible();
    await expect(page.getByTestId('viewer-count')).toHaveText(/2 watching/);
  }
  expect(tokenRequests).toEqual([]);

  // Sound starts muted (autoplay rules) until the viewer asks for it.
  await guestPage.getByRole('button', { name: 'Click to unmute' }).click();
  await expect(guestPage.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();

  await Promise.all([creatorContext.close(), viewerContext.close(), guestContext.close()]);
});

test('the watch page turns live when the creator starts and shows the end when they stop, without a reload', async ({
  browser,
  users,
}) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'flip');

  const guestPage = await (await browser.newContext()).newPage();
  await guestPage.goto(`/${creator.username}/live`);
  await expect(guestPage.getByRole('heading', { name: `${creator.username} is offline` })).toBeVisible();
  let reloaded = false;
  guestPage.on('load', () => (reloaded = true));

  const creatorPage = await creatorContext.newPage();
  await goLiveFromBrowser(creatorPage);
  await expectVideoPlaying(guestPage.getByTestId('host-video'));

  await endBrowserStream(creatorPage);
  await expect(guestPage.getByRole('heading', { name: 'Stream ended' })).toBeVisible();
  await expect(guestPage.getByTestId('host-video')).toHaveCount(0);
  expect(reloaded).toBe(false);

  await creatorContext.close();
});

test('an unknown channel says so', async ({ page }) => {
  await page.goto('/no_such_creator_here/live');
  await expect(page.getByRole('heading', { name: 'Channel not found' })).toBeVisible();
});
