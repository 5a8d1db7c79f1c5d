import { test, expect } from '../support/test.ts';
import { chatInput, chatMessages, chooseGuestName, sendChat } from '../support/chat.ts';

test('the creator deletes a message and it disappears for the viewer; a pinned message shows for everyone', async ({
  browser,
  users,
}) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'host');
  const viewerContext = await browser.newContext();
  await users.signUp(viewerContext.request, 'viewer');

  const viewerPage = await viewerContext.newPage();
  await viewerPage.goto(`/${creator.username}/live`);
  await sendChat(viewerPage, 'this one is spam');
  await sendChat(viewerPage, 'read the rules please');

  const creatorPage = await creatorContext.newPage();
  await creatorPage.goto(`/${creator.username}/live`);
  const spam = chatMessages(creatorPage).filter({ hasText: 'this one is spam' });
  await spam.getByRole('button', { name: /^Moderate message from/ }).click();
  await creatorPage.getByRole('menuitem', { name: 'Delete message' }).click();
  await expect(spam).toHaveCount(0);
  await expect(chatMessages(viewerPage).filter({ hasText: 'this one is spam' })).toHaveCount(0);
  await expect(chatMessages(viewerPage).filter({ hasText: 'read the rules please' })).toHaveCount(1);

  const rules = chatMessages(creatorPage).filter({ hasText: 'read the rules please' });
  await rules.getByRole('button', { name: /^Moderate message from/ }).click();
  await creatorPage.getByRole('menuitem', { name: 'Pin message' }).click();
  await expect(viewerPage.getByTestId('pinned-message')).toContainText('read the rules please');

  await Promise.all([creatorContext.close(), viewerContext.close()]);
});

test('a moderator times out a guest, whose chat then says for how long', async ({ browser, users }) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'host');
  const guestPage = await (await browser.newContext()).newPage();
  await guestPage.goto(`/${creator.username}/live`);
  await chooseGuestName(guestPage, 'Loud Guest');
  await sendChat(guestPage, 'SPAM SPAM SPAM');

  const creatorPage = await creatorContext.newPage();
  await creatorPage.goto(`/${creator.username}/live`);
  const line = chatMessages(creatorPage).filter({ hasText: 'SPAM SPAM SPAM' });
  await line.getByRole('button', { name: 'Moderate message from Loud Guest' }).click();
  await creatorPage.getByRole('menuitem', { name: 'Time out…' }).click();
  await creatorPage.getByRole('menuitem', { name: '10 minutes' }).click();
  await expect(creatorPage.getByRole('status').filter({ hasText: 'Loud Guest is timed out for 10 minutes.' })).toBeVisible();

  await expect(chatInput(guestPage)).toBeDisabled();
  await expect(guestPage.getByTestId('chat-notice')).toHaveText(
    /^You are timed out\. You can chat again in (10:00|9:[0-5]\d)\.$/,
  );

  await creatorContext.close();
});
