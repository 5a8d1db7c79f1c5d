import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';

/** With CAPTURE_SCREENSHOTS=1, pictures for docs/screenshots/creator-tools/ at desktop and phone widths. */
async function capture(page: Page, name: string, width: number) {
  if (!process.env.CAPTURE_SCREENSHOTS) return;
  await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
  await page.screenshot({ path: path.join(import.meta.dirname, '../../docs/screenshots/creator-tools', `${name}-${width}.png`) });
}

test('a follower is notified when the creator goes live and opens the stream from the bell', async ({ browser, users }) => {
  test.setTimeout(120_000);
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'star');
  const followerContext = await browser.newContext();
  await users.signUp(followerContext.request, 'fan');

  const fan = await followerContext.newPage();
  await fan.goto(`/${creator.username}`);
  await fan.getByRole('button', { name: 'Follow' }).click();
  await expect(fan.getByRole('button', { name: 'Following' })).toBeVisible();
  // Beside Follow: this creator's go-live notifications, on by default.
  await expect(
    fan.getByRole('button', { name: `Go-live notifications from ${creator.username} are on. Turn them off` }),
  ).toBeVisible();

  await fan.goto('/');
  const bell = fan.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications');

  const studio = await creatorContext.newPage();
  await goLiveFromBrowser(studio);

  // Pushed on the follower's own event stream: no reload.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread', { timeout: 30_000 });
  await expect(fan.getByTestId('unread-count')).toHaveText('1');
  await bell.click();
  const panel = fan.getByRole('dialog', { name: 'Notifications' });
  const item = panel.getByRole('link', { name: new RegExp(`${creator.username} went live`) });
  await expect(item).toBeVisible();
  // The browser's own notifications are asked for only from a button, never on load: the page did not ask.
  const permission = await fan.evaluate(() => Notification.permission);
  await expect(panel.getByRole('button', { name: 'Enable' })).toHaveCount(permission === 'default' ? 1 : 0);
  await capture(fan, 'notifications-bell', 1440);
  await capture(fan, 'notifications-bell', 390);
  await fan.setViewportSize({ width: 1280, height: 720 });

  await item.click();
  await expect(fan).toHaveURL(new RegExp(`/${creator.username}/live$`));
  await expectVideoPlaying(fan.getByTestId('host-video'));
  await expect(bell).toHaveAccessibleName('Notifications');
  await expect(fan.getByTestId('unread-count')).toHaveCount(0);

  // Muting from the watch page: it stays off after a reload.
  await fan.getByRole('button', { name: `Go-live notifications from ${creator.username} are on. Turn them off` }).click();
  await expect(
    fan.getByRole('button', { name: `Go-live notifications from ${creator.username} are off. Turn them on` }),
  ).toBeVisible();
  await fan.reload();
  await expect(
    fan.getByRole('button', { name: `Go-live notifications from ${creator.username} are off. Turn them on` }),
  ).toBeVisible();

  await endBrowserStream(studio);
  await creatorContext.close();
  await followerContext.close();
});
