import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { stopAllBroadcasts, startRtmpBroadcast } from '../support/obs.ts';

test.afterEach(async () => stopAllBroadcasts());

test('a creator restreams their broadcast to another channel, where viewers watch it', async ({ browser, users }) => {
  // The destination: a second channel on this same site, whose RTMP key plays "another platform".
  const otherContext = await browser.newContext();
  const other = await users.signUp(otherContext.request, 'mirror');
  const otherKey = await otherContext.request.post('/api/stream/ingress', { data: { type: 'RTMP', quality: '720p' } });
  const destination = (await otherKey.json()) as { serverUrl: string; streamKey: string };

  const creatorContext = await browser.newContext();
  await users.signUp(creatorContext.request, 'multi');
  const dashboard = await creatorContext.newPage();
  await dashboard.goto('/dashboard/restream');
  await expect(dashboard.getByRole('heading', { name: 'Restream' })).toBeVisible();
  await expect(dashboard.getByText('No destinations yet.', { exact: false })).toBeVisible();

  // A bad address is refused beside its field; then the real one is added.
  await dashboard.getByLabel('Name').fill('My other channel');
  await dashboard.getByLabel('Server (RTMP or RTMPS address)').fill('https://example.com/live');
  await dashboard.getByLabel('Stream key').fill(destination.streamKey);
  await dashboard.getByRole('button', { name: 'Add destination' }).click();
  await expect(dashboard.getByText('Must be an rtmp:// or rtmps:// address', { exact: false })).toBeVisible();
  await dashboard.getByLabel('Server (RTMP or RTMPS address)').fill(destination.serverUrl);
  await dashboard.getByRole('button', { name: 'Add destination' }).click();
  const row = dashboard.getByTestId('restream-destination').filter({ hasText: 'My other channel' });
  await expect(row).toHaveAttribute('data-status', 'IDLE');
  await expect(row).toContainText(`key ••••${destination.streamKey.slice(-4)}`);
  // The key is write-only: the form is cleared and the page never shows it again.
  await expect(dashboard.getByLabel('Stream key')).toHaveValue('');
  await dashboard.reload();
  await expect(row).toBeVisible();
  expect(await dashboard.content()).not.toContain(destination.streamKey);

  // The creator goes live from OBS; the restream starts with the broadcast.
  const key = await creatorContext.request.post('/api/stream/ingress', { data: { type: 'RTMP', quality: '720p' } });
  const { serverUrl, streamKey } = (await key.json()) as { serverUrl: string; streamKey: string };
  const obs = startRtmpBroadcast(serverUrl, streamKey);
  // The list looks again while a restream starts or runs.
  await expect(row).toHaveAttribute('data-status', 'LIVE');

  // On the other channel, viewers see the broadcast.
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(`/${other.username}/live`);
  await expectVideoPlaying(viewer.getByTestId('host-video'));

  // The broadcast ends: so does the restream, and the other channel goes offline.
  await obs.stop();
  await expect(row).toHaveAttribute('data-status', 'IDLE');
  await expect(viewer.getByRole('heading', { name: 'Stream ended' })).toBeVisible();
  await viewer.context().close();
  await creatorContext.close();
  await otherContext.close();
});
