import type { BrowserContext } from '@playwright/test';
import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { goLiveFromBrowser } from '../support/go-live.ts';
import { chatMessages, chooseGuestName, sendChat } from '../support/chat.ts';

/** Every Content-Security-Policy violation the context's pages report, as "page directive: blocked URI". */
async function recordViolations(context: BrowserContext): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${location.pathname} ${event.violatedDirective}: ${event.blockedURI}`),
    );
  });
  return async () =>
    (
      await Promise.all(
        context.pages().map((page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
      )
    ).flat();
}

test('the site works under its Content-Security-Policy: going live, watching, chatting and the API reference', async ({
  browser,
  users,
}) => {
  test.setTimeout(90_000);
  const creatorContext = await browser.newContext();
  const creatorViolations = await recordViolations(creatorContext);
  const creator = await users.signUp(creatorContext.request, 'policy');
  const creatorPage = await creatorContext.newPage();
  await goLiveFromBrowser(creatorPage);

  const guestContext = await browser.newContext();
  const guestViolations = await recordViolations(guestContext);
  const guest = await guestContext.newPage();
  const answer = await guest.goto(`/${creator.username}/live`);
  expect(answer?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expectVideoPlaying(guest.getByTestId('host-video'));
  await chooseGuestName(guest, 'Policy Reader');
  await sendChat(guest, 'hello from under the policy');
  await expect(chatMessages(guest).filter({ hasText: 'hello from under the policy' })).toBeVisible();

  const docs = await guestContext.newPage();
  await docs.goto('/api/docs');
  await expect(docs.getByText('Streamhouse API').first()).toBeVisible();

  expect(await creatorViolations()).toEqual([]);
  expect(await guestViolations()).toEqual([]);
  await guestContext.close();
  await creatorContext.close();
});
