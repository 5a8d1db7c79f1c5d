import type { Browser, Page } from '@playwright/test';
import { test, expect, type Users } from '../support/test.ts';
import { chatInput, chatMessages, chooseGuestName, sendChat } from '../support/chat.ts';
import { goLiveFromBrowser } from '../support/go-live.ts';

async function member(browser: Browser, users: Users, prefix: string) {
  const context = await browser.newContext();
  const user = await users.signUp(context.request, prefix);
  return { context, user, page: await context.newPage() };
}

async function guest(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** The creator flips a rule on /dashboard/chat; every open chat updates without a reload. */
async function setFollowersOnly(page: Page, on: boolean) {
  const toggle = page.getByRole('switch', { name: 'Followers-only' });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', String(on));
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

test('a guest picks a name and chats; a signed-in viewer sees the message live, and a late joiner sees it in history', async ({
  browser,
  users,
}) => {
  const creator = await member(browser, users, 'host');
  const visitor = await guest(browser);
  const viewer = await member(browser, users, 'viewer');
  await visitor.page.goto(`/${creator.user.username}/live`);
  await viewer.page.goto(`/${creator.user.username}/live`);
  await expect(viewer.page.getByText('No messages yet. Say hello!')).toBeVisible();

  await chooseGuestName(visitor.page, 'Night Owl');
  await sendChat(visitor.page, 'hello from a guest 👋');

  const line = chatMessages(viewer.page).filter({ hasText: 'hello from a guest 👋' });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('Night Owl');
  await expect(line).toContainText('(guest)');
  await expect(chatMessages(visitor.page)).toHaveCount(1);

  const lateJoiner = await guest(browser);
  await lateJoiner.page.goto(`/${creator.user.username}/live`);
  await expect(chatMessages(lateJoiner.page).filter({ hasText: 'hello from a guest 👋' })).toHaveCount(1);

  await Promise.all([creator.context.close(), visitor.context.close(), viewer.context.close(), lateJoiner.context.close()]);
});

test('the creator turns on followers-only and the guest’s input says why it is disabled; a follower still chats', async ({
  browser,
  users,
}) => {
  const creator = await member(browser, users, 'host');
  const visitor = await guest(browser);
  const fan = await member(browser, users, 'fan');
  await visitor.page.goto(`/${creator.user.username}/live`);
  await chooseGuestName(visitor.page, 'Passerby');
  await fan.page.goto(`/${creator.user.username}/live`);
  await expect(chatInput(fan.page)).toBeEnabled();

  await creator.page.goto('/dashboard/chat');
  await setFollowersOnly(creator.page, true);

  for (const page of [visitor.page, fan.page]) await expect(page.getByTestId('chat-mode')).toContainText('Followers-only');
  await expect(chatInput(visitor.page)).toBeDisabled();
  await expect(visitor.page.getByTestId('chat-notice')).toHaveText(
    `Followers-only chat. Sign in and follow ${creator.user.username} to chat. Sign in`,
  );
  await expect(chatInput(fan.page)).toBeDisabled();
  await expect(fan.page.getByTestId('chat-notice')).toHaveText(`Followers-only chat. Follow ${creator.user.username} to chat.`);

  await fan.page.getByRole('button', { name: 'Follow', exact: true }).first().click();
  await expect(chatInput(fan.page)).toBeEnabled();
  await sendChat(fan.page, 'followed and chatting');
  await expect(chatMessages(visitor.page).filter({ hasText: 'followed and chatting' })).toHaveCount(1);

  await setFollowersOnly(creator.page, false);
  await expect(chatInput(visitor.page)).toBeEnabled();

  await Promise.all([creator.context.close(), visitor.context.close(), fan.context.close()]);
});

test('slow mode shows a countdown after a message, then lets the viewer send again', async ({ browser, users }) => {
  const creator = await member(browser, users, 'host');
  const viewer = await member(browser, users, 'viewer');
  await viewer.page.goto(`/${creator.user.username}/live`);
  await expect(chatInput(viewer.page)).toBeEnabled();

  await creator.page.goto('/dashboard/chat');
  await creator.page.getByLabel('Slow mode').selectOption('3');
  await expect(creator.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(viewer.page.getByTestId('chat-mode')).toContainText('Slow mode: 3s');

  await sendChat(viewer.page, 'first under slow mode');
  const notice = viewer.page.getByTestId('chat-notice');
  await expect(notice).toHaveText(/^Slow mode: you can send again in [1-3]s\.$/);
  await expect(viewer.page.getByRole('button', { name: /^[1-3]s$/ })).toBeDisabled();
  await chatInput(viewer.page).fill('second');
  await expect(notice).toHaveText('Slow mode: you can send again in 1s.');
  await expect(notice).toBeHidden();
  await chatInput(viewer.page).press('Enter');
  await expect(chatMessages(viewer.page).filter({ hasText: 'second' })).toHaveCount(1);

  await Promise.all([creator.context.close(), viewer.context.close()]);
});

test('viewers’ reactions float over the live video', async ({ browser, users }) => {
  const creator = await member(browser, users, 'cam');
  await goLiveFromBrowser(creator.page);
  const visitor = await guest(browser);
  const viewer = await member(browser, users, 'viewer');
  await visitor.page.goto(`/${creator.user.username}/live`);
  await viewer.page.goto(`/${creator.user.username}/live`);
  await expect(viewer.page.getByTestId('host-video')).toBeVisible();
  // The reactions (their bar and their listener) come in after the video: a reaction sent before the viewer's have
  // mounted is not theirs to see.
  await expect(viewer.page.getByRole('button', { name: 'React: Fire' })).toBeVisible();

  await visitor.page.getByRole('button', { name: 'React: Fire' }).click();
  await expect(viewer.page.getByTestId('floating-reaction').filter({ hasText: '🔥' })).toHaveCount(1);
  // Each reaction floats away on its own.
  await expect(viewer.page.getByTestId('floating-reaction')).toHaveCount(0);

  await Promise.all([creator.context.close(), visitor.context.close(), viewer.context.close()]);
});
