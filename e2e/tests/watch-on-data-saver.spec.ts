import { test, expect } from '../support/test.ts';
import { sendChat } from '../support/chat.ts';
import { screenshotBothWidths } from '../support/screenshots.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { stopAllBroadcasts, startRtmpBroadcast } from '../support/obs.ts';

test.afterEach(async () => stopAllBroadcasts());

test('a viewer switches to data saver and watches the live stream over HLS, a few seconds behind, chat included', async ({
  browser,
  users,
}) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'hlslive', { recorded: true });
  const key = await creatorContext.request.post('/api/stream/ingress', { data: { type: 'RTMP', quality: '720p' } });
  const { serverUrl, streamKey } = (await key.json()) as { serverUrl: string; streamKey: string };
  startRtmpBroadcast(serverUrl, streamKey);

  const viewerContext = await browser.newContext();
  await users.signUp(viewerContext.request, 'saver');
  const viewer = await viewerContext.newPage();
  await viewer.goto(`/${creator.username}/live`);
  const video = viewer.getByTestId('host-video');
  await expectVideoPlaying(video);
  await expect(video).toHaveAttribute('data-source', 'camera');

  // HLS comes from the recorder's segments: once it has written some, data saver plays them.
  await viewer.getByRole('button', { name: 'Data saver' }).click();
  await expect(viewer.getByRole('button', { name: 'Data saver' })).toHaveAttribute('aria-pressed', 'true');
  await expect(video).toHaveAttribute('data-source', 'hls');
  await expectVideoPlaying(video);
  const behind = viewer.getByTestId('hls-behind');
  await expect(behind).toHaveText(/~\d+ s behind/);
  const seconds = Number(/~(\d+) s behind/.exec((await behind.textContent()) ?? '')?.[1]);
  expect(seconds).toBeLessThan(15);

  // Chat goes on over the room meanwhile.
  await sendChat(viewer, 'watching on data saver');
  await screenshotBothWidths(viewer, 'watch-data-saver');

  // The choice is remembered; switching back brings the WebRTC picture again.
  await viewer.reload();
  await expect(viewer.getByTestId('host-video')).toHaveAttribute('data-source', 'hls');
  await viewer.getByRole('button', { name: 'Data saver' }).click();
  await expect(viewer.getByTestId('host-video')).toHaveAttribute('data-source', 'camera');
  await expectVideoPlaying(viewer.getByTestId('host-video'));
  await creatorContext.close();
  await viewerContext.close();
});
