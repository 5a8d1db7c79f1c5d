import { test, expect } from '@playwright/test';
import { deleteUsers, signUpViaApi, type TestUser } from '../support/users.ts';
import { expectVideoPlaying } from '../support/video.ts';

const created: TestUser[] = [];
test.afterAll(async () => deleteUsers(created.map((user) => user.id)));

test('a guest watches a creator who goes live from the browser', async ({ browser }) => {
  const creatorContext = await browser.newContext();
  const creator = await signUpViaApi(creatorContext.request, 'cam');
  created.push(creator);

  const creatorPage = await creatorContext.newPage();
  await creatorPage.goto('/dashboard/go-live');
  await creatorPage.getByRole('button', { name: 'Start streaming' }).click();
  await expectVideoPlaying(creatorPage.getByTestId('local-preview'));

  const guestContext = await browser.newContext();
  const guestPage = await guestContext.newPage();
  await guestPage.goto(`/${creator.username}/live`);
  await expectVideoPlaying(guestPage.getByTestId('host-video'));
  await expect(guestPage.getByRole('button', { name: /unmute/i })).toBeVisible();

  await creatorContext.close();
  await guestContext.close();
});
