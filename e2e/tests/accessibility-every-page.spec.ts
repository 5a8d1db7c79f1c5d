import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from '@playwright/test';
import { expectVideoPlaying } from '../support/video.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';
import { deleteChatOf } from '../support/chat.ts';
import { deleteUsers, signUpViaApi, type TestUser } from '../support/users.ts';

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

// One creator live for every page group. Each group is its own test of 3–5 pages: axe takes 2–5 s a page on 2 cores
// (8 s on a busy one), so all 46 pages in one test came within seconds of its time budget (4 minutes; measured 3.5).
test.describe.configure({ mode: 'serial' });

let creator: TestUser;
let creatorContext: BrowserContext;
let memberContext: BrowserContext;
let guestContext: BrowserContext;
const userIds: string[] = [];

test.beforeAll(async ({ browser }) => {
  creatorContext = await browser.newContext();
  creator = await signUpViaApi(creatorContext.request, 'axe');
  userIds.push(creator.id);
  await goLiveFromBrowser(await creatorContext.newPage());
  memberContext = await browser.newContext();
  userIds.push((await signUpViaApi(memberContext.request, 'axefan')).id);
  guestContext = await browser.newContext();
});

test.afterAll(async () => {
  await endBrowserStream(creatorContext.pages()[0]!);
  await Promise.all([creatorContext.close(), memberContext.close(), guestContext.close()]);
  await deleteChatOf(userIds);
  await deleteUsers(userIds);
});

/** The pages in groups small enough for one test each (axe takes 2–5 s a page here). */
const GROUPS = [
  {
    who: 'signed out',
    name: 'public pages',
    paths: () => ['/', '/browse', '/search?q=axe', `/${creator.username}`, `/${creator.username}/live`],
  },
  {
    who: 'signed out',
    name: 'sign-in pages and embeds',
    paths: () => [
      '/signin',
      '/signup',
      '/account/forgot-password',
      `/embed/${creator.username}?chat=1`,
      `/embed/${creator.username}/chat`,
    ],
  },
  { who: 'signed in', name: 'public pages', paths: () => ['/', '/browse', '/search?q=axe', `/${creator.username}`] },
  {
    who: 'signed in',
    name: 'watch, following and settings pages',
    paths: () => [`/${creator.username}/live`, '/following', '/settings'],
  },
  {
    who: 'signed in',
    name: 'dashboard pages',
    paths: () => ['/dashboard', '/dashboard/go-live', '/dashboard/keys', '/dashboard/stream'],
  },
  {
    who: 'signed in',
    name: 'dashboard chat, recordings, restream and analytics pages',
    paths: () => ['/dashboard/chat', '/dashboard/recordings', '/dashboard/restream', '/dashboard/analytics'],
  },
] as const;

for (const [screen, viewport] of Object.entries(SCREENS))
  for (const group of GROUPS)
    test(`${group.name} have no serious or critical accessibility problems: ${group.who}, ${screen}`, async () => {
      const page = await (group.who === 'signed in' ? memberContext : guestContext).newPage();
      await page.setViewportSize(viewport);
      const found: string[] = [];
      for (const path of group.paths()) {
        await page.goto(path);
        // Judge the page as people see it: loaded, and the live player playing.
        await expect(page.getByRole('status').filter({ hasText: /loading/i })).toHaveCount(0);
        if (path.endsWith('/live') || (path.startsWith('/embed/') && !path.endsWith('/chat')))
          await expectVideoPlaying(page.getByTestId('host-video'));
        for (const problem of await seriousViolations(page)) found.push(`${path}: ${problem}`);
      }
      await page.close();
      expect(found).toEqual([]);
    });
