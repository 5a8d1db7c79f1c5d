import type { Locator } from '@playwright/test';
import { test, expect } from '../support/test.ts';
import { sendChat } from '../support/chat.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { stopAllBroadcasts, startRtmpBroadcast } from '../support/obs.ts';
import { killRecorderOf, segmentsWritten } from '../support/recorder.ts';

test.afterEach(async () => stopAllBroadcasts());

const currentTime = (video: Locator) => video.evaluate((element: HTMLVideoElement) => element.currentTime);
/** The video's length once its metadata (the MP4 index, or the HLS playlist) is loaded. */
const mediaDuration = (video: Locator) =>
  video.evaluate((element: HTMLVideoElement) =>
    element.readyState >= 1
      ? element.duration
      : new Promise<number>((resolve) =>
          element.addEventListener('loadedmetadata', () => resolve(element.duration), { once: true }),
        ),
  );
const seekTo = (video: Locator, seconds: number) =>
  video.evaluate(
    (element: HTMLVideoElement, to) =>
      new Promise<void>((resolve) => {
        element.addEventListener('seeked', () => resolve(), { once: true });
        element.currentTime = to;
      }),
    seconds,
  );

test("a creator's broadcast is recorded and the replay plays with its chat", async ({ browser, users }) => {
  test.setTimeout(120_000);
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'rec', { recorded: true });
  await creatorContext.request.put('/api/stream/info', { data: { title: 'Recorded pottery session' } });
  const key = await creatorContext.request.post('/api/stream/ingress', { data: { type: 'RTMP', quality: '720p' } });
  const { serverUrl, streamKey } = (await key.json()) as { serverUrl: string; streamKey: string };

  const viewerContext = await browser.newContext();
  await users.signUp(viewerContext.request, 'fan');
  const viewer = await viewerContext.newPage();
  await viewer.goto(`/${creator.username}/live`);

  const obs = startRtmpBroadcast(serverUrl, streamKey);
  const status = async () => (await (await creatorContext.request.get('/api/stream/status')).json()) as { isLive: boolean };
  await expect.poll(async () => (await status()).isLive, { timeout: 30_000 }).toBe(true);
  await expectVideoPlaying(viewer.getByTestId('host-video'));

  // While live, the home page card shows a real picture of the stream (the egress's JPEG, 640 px wide): the
  // recorder writes the first as it starts, a second or two after going live, then one every
  // RECORDINGS_SNAPSHOT_SECONDS.
  const home = await (await browser.newContext()).newPage();
  await expect
    .poll(
      async () => {
        await home.goto('/');
        const card = home
          .getByRole('region', { name: 'Live now' })
          .getByTestId('stream-card')
          .filter({ hasText: creator.username });
        const picture = card.getByTestId('live-thumbnail');
        if (!(await picture.count())) return 0;
        return picture.evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0));
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toBe(640);
  await home.context().close();

  // A shared link to the live page previews the same picture (Open Graph tags in the served page).
  const livePage = await (await viewerContext.request.get(`/${creator.username}/live`)).text();
  const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(livePage)?.[1];
  expect(ogImage).toMatch(new RegExp(`/api/recordings/channels/${creator.username}/snapshot\\.jpg\\?v=\\d+$`));
  const preview = await viewerContext.request.get(ogImage!);
  expect(preview.headers()['content-type']).toBe('image/jpeg');

  // A chat message during the broadcast, then a few more seconds of stream (watched go by on the live player).
  await sendChat(viewer, 'what glaze is that?');
  const liveVideo = viewer.getByTestId('host-video');
  const sentAtPlayback = await currentTime(liveVideo);
  await expect.poll(() => currentTime(liveVideo), { timeout: 30_000 }).toBeGreaterThan(sentAtPlayback + 5);
  await obs.stop();

  // The offline card leads to the replay once the recording is finished (the card looks again every 10 s).
  await expect(viewer.getByRole('heading', { name: 'Stream ended' })).toBeVisible();
  const lastStream = viewer.getByRole('link', { name: 'Watch the last stream' });
  await expect(lastStream).toBeVisible({ timeout: 20_000 });
  await lastStream.click();
  await expect(viewer).toHaveURL(new RegExp(`/${creator.username}/replays/`));
  await expect(viewer.getByRole('heading', { name: 'Recorded pottery session' })).toBeVisible();
  await expect(viewer.getByTestId('replay-duration')).toHaveText(/^0:\d\d$/);

  // Recorded as HLS (H.264 + AAC segments).
  const replayId = viewer.url().split('/').pop()!;
  const details = (await (await viewerContext.request.get(`/api/recordings/replays/${replayId}`)).json()) as {
    mediaUrl: string;
    mediaType: string;
  };
  expect(details.mediaType).toBe('application/vnd.apple.mpegurl');
  const video = viewer.getByTestId('replay-video');
  const duration = await mediaDuration(video);
  // It holds at least the 5 s watched go by after the message, which was sent once the recorder's first picture
  // was on the home page (the recorder may take a few seconds to start after going live).
  expect(duration).toBeGreaterThan(5);
  await video.evaluate((element: HTMLVideoElement) => element.play());
  await expectVideoPlaying(video);

  // The message appears when the video reaches the moment it was sent, and seeking back takes it away.
  const chatLines = viewer.getByTestId('replay-chat-message');
  const chat = (await (await viewerContext.request.get(`/api/recordings/replays/${replayId}/chat`)).json()) as {
    items: Array<{ body: string; offsetMs: number }>;
  };
  const message = chat.items.find((item) => item.body === 'what glaze is that?');
  expect(message).toBeDefined();
  expect(message!.offsetMs).toBeGreaterThan(1_000);

  await seekTo(video, 0);
  await video.evaluate((element: HTMLVideoElement) => element.pause());
  await expect(chatLines.filter({ hasText: 'what glaze is that?' })).toHaveCount(0);
  const target = message!.offsetMs / 1000 + 0.5;
  await seekTo(video, target);
  expect(Math.abs((await currentTime(video)) - target)).toBeLessThan(1);
  await expect(chatLines.filter({ hasText: 'what glaze is that?' })).toBeVisible();
  // Playback goes on from the new position (the player fetched the segments there).
  await video.evaluate((element: HTMLVideoElement) => element.play());
  await expect.poll(() => currentTime(video)).toBeGreaterThan(target + 0.5);

  // The profile lists it, and the creator can delete it (file included).
  await viewer.goto(`/${creator.username}`);
  await expect(viewer.getByTestId('replay-card').filter({ hasText: 'Recorded pottery session' })).toBeVisible();
  const removed = await creatorContext.request.delete(`/api/recordings/replays/${replayId}`);
  expect(removed.status()).toBe(204);
  expect((await viewerContext.request.get(details.mediaUrl)).status()).toBe(404);

  await creatorContext.close();
  await viewerContext.close();
});

test('a recorder killed mid-broadcast is followed by a new one, and the replay plays both parts', async ({ browser, users }) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'crash', { recorded: true });
  await creatorContext.request.put('/api/stream/info', { data: { title: 'Raku firing' } });
  const key = await creatorContext.request.post('/api/stream/ingress', { data: { type: 'RTMP', quality: '720p' } });
  const { serverUrl, streamKey } = (await key.json()) as { serverUrl: string; streamKey: string };
  const obs = startRtmpBroadcast(serverUrl, streamKey);

  // Once the recorder has finished a few 2 s segments it is killed, as by the OOM killer: it closes nothing. Three
  // segments take 6 s, after a recorder that stalls at the start is replaced (10 s, START_STALL_MS).
  await expect.poll(() => segmentsWritten(creator.id), { timeout: 25_000, intervals: [500] }).toBeGreaterThanOrEqual(3);
  killRecorderOf(creator.id);
  const atKill = segmentsWritten(creator.id);
  // The broadcast goes on, and a new recorder writes the rest (the egress service restarts after losing a handler).
  // (the egress service restarts 1 s after exiting; the new recorder then writes three 2 s segments)
  await expect.poll(() => segmentsWritten(creator.id), { timeout: 25_000, intervals: [500] }).toBeGreaterThanOrEqual(atKill + 3);
  await obs.stop();

  const creatorPage = await creatorContext.newPage();
  await creatorPage.goto('/dashboard/recordings');
  const recording = creatorPage.getByTestId('my-replay').filter({ hasText: 'Raku firing' });
  // The list looks again while a recording is in progress.
  await expect(recording).toHaveAttribute('data-status', 'READY');
  await expect(recording.getByTestId('replay-error')).toHaveText(
    'A recorder stopped during the broadcast and a new one took over once: the replay skips what was missed.',
  );

  await recording.getByRole('link', { name: 'Watch' }).click();
  const video = creatorPage.getByTestId('replay-video');
  const duration = await mediaDuration(video);
  expect(duration).toBeGreaterThanOrEqual(2 * (atKill + 3) - 2);
  // It plays across the point where the second recorder took over.
  const firstPartEnds = 2 * atKill;
  await seekTo(video, firstPartEnds - 1);
  await video.evaluate((element: HTMLVideoElement) => element.play());
  await expect.poll(() => currentTime(video), { timeout: 15_000 }).toBeGreaterThan(firstPartEnds + 1);
  await expectVideoPlaying(video);
  await creatorContext.close();
});
