import fs from 'node:fs/promises';
import { test, expect } from '../support/test.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';
import { chatMessages, sendChat } from '../support/chat.ts';
import { expectVideoPlaying } from '../support/video.ts';

/** Files and folders of the recordings directory named after `userId` (every file of a creator's is). */
async function recordingsOf(userId: string): Promise<string[]> {
  const entries = await fs.readdir(process.env.RECORDINGS_DIR!).catch(() => [] as string[]);
  return entries.filter((entry) => entry.startsWith(userId));
}

test('a creator who streamed (recorded) and chatted deletes their account: the recording goes, their words stay as "deleted user"', async ({
  browser,
  users,
}) => {
  // The leaver's broadcast, recorded.
  const leaverContext = await browser.newContext();
  const leaver = await users.signUp(leaverContext.request, 'leaver', { recorded: true });
  const studio = await leaverContext.newPage();
  await goLiveFromBrowser(studio);
  await expect.poll(() => recordingsOf(leaver.id), { message: 'the recorder writes the broadcast' }).not.toEqual([]);
  await endBrowserStream(studio);

  // Then they chat in another creator's live channel.
  const hostContext = await browser.newContext();
  const host = await users.signUp(hostContext.request, 'stayer');
  await goLiveFromBrowser(await hostContext.newPage());
  const watch = await leaverContext.newPage();
  await watch.goto(`/${host.username}/live`);
  await expectVideoPlaying(watch.getByTestId('host-video'));
  await sendChat(watch, 'hello from someone leaving');

  // Settings → Delete my account, with the password.
  await watch.goto('/settings');
  await watch.getByRole('button', { name: 'Delete my account' }).click();
  const dialog = watch.getByRole('dialog');
  await dialog.getByLabel('Your password').fill(leaver.password);
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(watch).toHaveURL(/\/$/);
  await expect(watch.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  // The channel is gone; the recording leaves storage (also what the recorder wrote after the account went).
  await watch.goto(`/${leaver.username}`);
  await expect(watch.getByText(`There is no one called “${leaver.username}” here.`)).toBeVisible();
  await expect.poll(() => recordingsOf(leaver.id), { message: 'no file of the deleted account is left' }).toEqual([]);

  // In the other channel the message stays, from nobody.
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(`/${host.username}/live`);
  const message = chatMessages(viewer).filter({ hasText: 'hello from someone leaving' });
  await expect(message).toContainText('deleted user');
  await expect(message).not.toContainText(leaver.username);
  await Promise.all([leaverContext.close(), hostContext.close(), viewer.context().close()]);
});
