import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { stopAllBroadcasts, startRtmpBroadcast } from '../support/obs.ts';

test.afterEach(async () => stopAllBroadcasts());

test('a creator streams from OBS over RTMP: the dashboard turns live, the self-preview and a viewer play it, and stopping OBS ends it', async ({
  browser,
  users,
}) => {
  test.setTimeout(120_000);
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'obs');
  const key = await creatorContext.request.post('/api/stream/ingress', { data: { type: 'RTMP', quality: '720p' } });
  expect(key.status()).toBe(201);
  const { serverUrl, streamKey } = (await key.json()) as { serverUrl: string; streamKey: string };
  const status = async () => (await (await creatorContext.request.get('/api/stream/status')).json()) as { isLive: boolean };

  const dashboard = await creatorContext.newPage();
  await dashboard.goto('/dashboard');
  await expect(dashboard.getByText('You are offline')).toBeVisible();
  await expect(dashboard.getByTestId('dashboard-live-status')).toHaveAttribute('data-live', 'false');

  const obs = startRtmpBroadcast(serverUrl, streamKey);
  // The real ingress_started webhook flips the stream live, and the dashboard hears of it without a reload.
  await expect.poll(async () => (await status()).isLive, { timeout: 30_000 }).toBe(true);
  await expect(dashboard.getByTestId('dashboard-live-status')).toHaveAttribute('data-live', 'true');
  await expect(dashboard.getByTestId('dashboard-live-status')).toContainText('Live');
  await expect(dashboard.getByTestId('self-preview-badge')).toHaveText('Preview');
  await expectVideoPlaying(dashboard.getByTestId('self-preview-video'));
  await expect(dashboard.getByRole('button', { name: 'Unmute preview' })).toBeVisible();

  const viewerPage = await (await browser.newContext()).newPage();
  await viewerPage.goto(`/${creator.username}/live`);
  await expectVideoPlaying(viewerPage.getByTestId('host-video'));
  await expect(dashboard.getByTestId('dashboard-viewer-count')).toHaveText('1 viewer');

  await obs.stop();
  await expect.poll(async () => (await status()).isLive, { timeout: 30_000 }).toBe(false);
  await expect(dashboard.getByTestId('dashboard-live-status')).toHaveAttribute('data-live', 'false');
  await expect(dashboard.getByText('You are offline')).toBeVisible();
  await expect(viewerPage.getByRole('heading', { name: 'Stream ended' })).toBeVisible();

  await creatorContext.close();
  await viewerPage.context().close();
});
