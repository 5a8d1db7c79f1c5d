import { expect, type Locator } from '@playwright/test';

/** Asserts a <video> really plays: it has decoded frames and its clock moves forward. */
export async function expectVideoPlaying(video: Locator): Promise<void> {
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.videoWidth), { timeout: 20_000 })
    .toBeGreaterThan(0);
  const start = await video.evaluate((element: HTMLVideoElement) => element.currentTime);
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(start + 0.5);
}
