import type { Page } from '@playwright/test';
import { expectVideoPlaying } from './video.ts';

/** The creator starts a browser stream from the dashboard with Chromium's fake camera. */
export async function goLiveFromBrowser(creatorPage: Page): Promise<void> {
  await creatorPage.goto('/dashboard/go-live');
  await creatorPage.getByRole('button', { name: 'Start streaming' }).click();
  await expectVideoPlaying(creatorPage.getByTestId('local-preview'));
}

export async function endBrowserStream(creatorPage: Page): Promise<void> {
  await creatorPage.getByRole('button', { name: 'End stream' }).click();
}
