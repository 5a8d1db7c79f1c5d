import type { Page } from '@playwright/test';
import { test, expect } from '../support/test.ts';
import { uniqueUsername } from '../support/users.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { goLiveFromBrowser } from '../support/go-live.ts';

// A real 1×1 PNG for the avatar upload.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function openAccountMenuItem(page: Page, item: string) {
  await page.getByTestId('user-menu-button').click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('a viewer signs up, edits their profile, follows a live creator, finds them in "following", and loses the channel when the creator blocks them', async ({
  browser,
  users,
}) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'creator');
  const creatorPage = await creatorContext.newPage();
  await goLiveFromBrowser(creatorPage);

  // Sign up, after an inline refusal of a reserved name.
  const viewerContext = await browser.newContext();
  const page = await viewerContext.newPage();
  await page.goto('/signup');
  await page.getByLabel('Username').fill('Settings');
  await page.getByLabel('Email').focus();
  await expect(
    page.getByText(`"Settings" is reserved because it is one of the site's own addresses. Please choose another username.`),
  ).toBeVisible();
  const username = uniqueUsername('Viewer');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username.toLowerCase()}@example.test`);
  await page.getByLabel('Password').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(username);
  const session = (await (await page.request.get('/api/auth/get-session')).json()) as { user: { id: string } };
  users.adopt(session.user.id);

  // Edit the profile in settings.
  await openAccountMenuItem(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByLabel('Display name').fill('Night Owl');
  await page.getByLabel('Bio').fill('Here for the speedruns.');
  await page.getByTestId('avatar-file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('button', { name: 'Change picture' })).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await expect(page.getByTestId('user-menu-button').locator('img')).toHaveAttribute('src', /^\/api\/uploads\//);

  await openAccountMenuItem(page, 'Your channel');
  await expect(page.getByRole('heading', { name: 'Night Owl' })).toBeVisible();
  await expect(page.getByText('Here for the speedruns.')).toBeVisible();

  // Follow the creator; their profile shows they are live (once LiveKit's webhook has told the backend).
  await page.goto(`/${creator.username}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('link', { name: `${creator.username} is live now: watch` })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(page.getByTestId('followers-count')).toHaveText('0');
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('followers-count')).toHaveText('1');

  // They are in "following", live; from there the viewer starts watching.
  await openAccountMenuItem(page, 'Following');
  const followed = page.getByRole('list', { name: 'Channels you follow' }).getByRole('listitem');
  await expect(followed).toHaveCount(1);
  await expect(followed).toContainText(`@${creator.username}`);
  await followed.getByRole('link', { name: 'Live' }).click();
  await expectVideoPlaying(page.getByTestId('host-video'));

  // The creator blocks the viewer from the viewer's profile: the viewer is put out of the stream at once.
  await creatorPage.goto(`/${username}`);
  await creatorPage.getByRole('button', { name: 'Block' }).click();
  await creatorPage.getByRole('button', { name: `Block ${username}` }).click();
  await expect(creatorPage.getByRole('button', { name: 'Unblock' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This channel is unavailable' })).toBeVisible();
  await expect(page.getByText('You were removed from this stream.')).toBeVisible();

  // Coming back does not help, and the follow is gone.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This channel is unavailable' })).toBeVisible();
  await expect(page.getByText('This channel is unavailable to you.')).toBeVisible();
  await expect(page.getByTestId('host-video')).toHaveCount(0);
  await page.goto('/following');
  await expect(page.getByRole('heading', { name: "You don't follow anyone yet" })).toBeVisible();

  await Promise.all([creatorContext.close(), viewerContext.close()]);
});
