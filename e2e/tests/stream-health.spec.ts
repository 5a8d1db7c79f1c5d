import { test, expect } from '../support/test.ts';
import { stopAllBroadcasts, startRtmpBroadcast } from '../support/obs.ts';
import { screenshotBothWidths } from '../support/screenshots.ts';

test.afterEach(async () => stopAllBroadcasts());

test('a creator sees a bitrate warning while streaming too low a bitrate from OBS', async ({ browser, users }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  await users.signUp(context.request, 'health');
  const key = await context.request.post('/api/stream/ingress', { data: { type: 'RTMP', quality: '540p' } });
  expect(key.status()).toBe(201);
  const { serverUrl, streamKey } = (await key.json()) as { serverUrl: string; streamKey: string };

  const dashboard = await context.newPage();
  await dashboard.goto('/dashboard');
  await expect(dashboard.getByTestId('dashboard-live-status')).toHaveAttribute('data-live', 'false');
  // Offline and idle: no health panel.
  await expect(dashboard.getByRole('heading', { name: 'Stream health' })).toHaveCount(0);

  // 150 Kbps at 640×360: far below the 600–1,200 Kbps that picture needs.
  const obs = startRtmpBroadcast(serverUrl, streamKey, { videoKbps: 150 });
  await expect(dashboard.getByTestId('dashboard-live-status')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });

  const health = dashboard.getByTestId('ingest-health');
  await expect(health).toBeVisible({ timeout: 20_000 });
  await expect(dashboard.getByTestId('ingest-status')).toHaveText('Receiving');
  await expect(dashboard.getByTestId('ingest-resolution')).toHaveText('640×360');
  // The patched ingress publishes the input bitrate every 10 s (patches/ingress/0003); the panel re-reads it every 5 s.
  const warning = dashboard.getByTestId('ingest-warnings').locator('[data-code="BITRATE_LOW"]');
  await expect(warning).toBeVisible({ timeout: 45_000 });
  await expect(warning).toContainText('is too low for 640×360');
  await expect(dashboard.getByTestId('ingest-video-bitrate')).toHaveText(/^\d{2,3} Kbps$/);
  await screenshotBothWidths(dashboard, 'dashboard-stream-health');

  // Stopping OBS ends the stream, and the panel goes with it.
  await obs.stop();
  await expect(dashboard.getByTestId('dashboard-live-status')).toHaveAttribute('data-live', 'false', { timeout: 30_000 });
  await expect(dashboard.getByRole('heading', { name: 'Stream health' })).toHaveCount(0);
  await context.close();
});
