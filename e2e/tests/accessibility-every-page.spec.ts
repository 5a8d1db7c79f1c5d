import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';

const SCREENS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** axe-core's serious and critical findings on the page as it is now, one line each (rule, element). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.any[0]?.message ?? violation.help}`),
    );
}

test('every page has no serious or critical accessibility problems, signed out and in, on desktop and phone', async ({
  browser,
  users,
}) => {
  test.setTimeout(240_000);
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'axe');
  const studio = await creatorContext.newPage();
  await goLiveFromBrowser(studio);

  const memberContext = await browser.newContext();
  await users.signUp(memberContext.request, 'axefan');
  const guestContext = await browser.newContext();

  const signedOut = ['/', '/browse', '/search?q=axe', `/${creator.username}`, `/${creator.username}/live`, '/signin', '/signup'];
  const signedIn = [
    ...signedOut.slice(0, 5),
    '/following',
    '/settings',
    '/dashboard',
    '/dashboard/go-live',
    '/dashboard/keys',
    '/dashboard/stream',
    '/dashboard/chat',
    '/dashboard/recordings',
    '/dashboard/analytics',
  ];
  const embeds = [`/embed/${creator.username}?chat=1`, `/embed/${creator.username}/chat`];

  const found: string[] = [];
  for (const [screen, viewport] of Object.entries(SCREENS)) {
    for (const [who, context, paths] of [
      ['signed out', guestContext, [...signedOut, ...embeds]],
      ['signed in', memberContext, signedIn],
    ] as const) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      for (const path of paths) {
        await page.goto(path);
        // Judge the page as people see it: loaded, and the live player playing.
        await expect(page.getByRole('status').filter({ hasText: /loading/i })).toHaveCount(0);
        if (path.endsWith('/live') || (path.startsWith('/embed/') && !path.endsWith('/chat')))
          await expectVideoPlaying(page.getByTestId('host-video'));
        for (const problem of await seriousViolations(page)) found.push(`${screen}, ${who}, ${path}: ${problem}`);
      }
      await page.close();
    }
  }
  expect(found).toEqual([]);

  await endBrowserStream(studio);
  await Promise.all([creatorContext.close(), memberContext.close(), guestContext.close()]);
});
