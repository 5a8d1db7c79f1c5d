import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';

test('a creator goes live from the browser: the self-preview and a viewer play it, and ending the stream takes it offline', async ({
  browser,
  users,
}) => {
  test.setTimeout(120_000);
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'cam');
  const status = async () =>
    (await (await creatorContext.request.get('/api/stream/status')).json()) as { isLive: boolean; viewerCount: number };

  const studio = await creatorContext.newPage();
  await studio.goto('/dashboard/go-live');
  // The preview runs before anything is sent.
  await expectVideoPlaying(studio.getByTestId('local-preview'));
  await expect(studio.getByTestId('preview-badge')).toHaveText('Preview');
  await expect(studio.getByLabel('Camera', { exact: true })).toBeEnabled();
  await expect(studio.getByLabel('Microphone', { exact: true })).toBeEnabled();
  expect((await status()).isLive).toBe(false);

  await goLiveFromBrowser(studio);
  await expect(studio.getByTestId('on-air')).toHaveText('Live');
  // The creator's own sending stats, as the browser measures them, and LiveKit's connection quality.
  const stats = studio.getByTestId('publisher-stats');
  await expect(stats.getByTestId('publisher-video-bitrate')).toHaveText(/^[\d,]+ Kbps$/, { timeout: 20_000 });
  await expect(stats.getByTestId('publisher-connection')).toHaveText(/Excellent|Good|Poor/, { timeout: 20_000 });
  // The host's real track_published webhook flips the stream live.
  await expect.poll(async () => (await status()).isLive, { timeout: 30_000 }).toBe(true);

  const dashboard = await creatorContext.newPage();
  await dashboard.goto('/dashboard');
  await expectVideoPlaying(dashboard.getByTestId('self-preview-video'));
  await expect(dashboard.getByTestId('dashboard-live-status')).toHaveAttribute('data-live', 'true');

  const viewerPage = await (await browser.newContext()).newPage();
  const tokenRequests: string[] = [];
  viewerPage.on('request', (request) => request.url().endsWith('/api/viewer/token') && tokenRequests.push(request.url()));
  await viewerPage.goto(`/${creator.username}/live`);
  await expectVideoPlaying(viewerPage.getByTestId('host-video'));
  // The served page carried the viewer's pass (minted as a direct visit, for the creator's analytics).
  expect(tokenRequests).toEqual([]);
  // Neither the self-preview nor the host counts as a viewer.
  await expect(dashboard.getByTestId('dashboard-viewer-count')).toHaveText('1 viewer');
  await expect.poll(async () => (await status()).viewerCount).toBe(1);

  await endBrowserStream(studio);
  await expect(studio.getByRole('button', { name: 'Start streaming' })).toBeVisible();
  await expect.poll(async () => (await status()).isLive, { timeout: 30_000 }).toBe(false);
  await expect(dashboard.getByTestId('dashboard-live-status')).toHaveAttribute('data-live', 'false');
  await expect(viewerPage.getByRole('heading', { name: 'Stream ended' })).toBeVisible();

  await creatorContext.close();
  await viewerPage.context().close();
});

test('leaving the go-live page while live asks first, and staying keeps the stream on', async ({ browser, users }) => {
  const context = await browser.newContext();
  await users.signUp(context.request, 'stay');
  const studio = await context.newPage();
  const isLive = async () => (await (await context.request.get('/api/stream/status')).json()).isLive as boolean;
  await goLiveFromBrowser(studio);
  await expect.poll(isLive, { timeout: 30_000 }).toBe(true);

  await studio.getByRole('link', { name: 'Stream keys' }).click();
  const dialog = studio.getByRole('dialog', { name: 'End your stream?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay live' }).click();
  await expect(studio).toHaveURL(/\/dashboard\/go-live$/);
  await expect(studio.getByTestId('on-air')).toBeVisible();

  await studio.getByRole('link', { name: 'Stream keys' }).click();
  await studio.getByRole('dialog').getByRole('button', { name: 'End stream and leave' }).click();
  await expect(studio).toHaveURL(/\/dashboard\/keys$/);
  await expect.poll(isLive, { timeout: 30_000 }).toBe(false);
  await context.close();
});
