import { chromium, type Page, type Request } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/browser/chromium.ts';
import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';

const TABS = 8;

test('a follower with eight tabs open gets every tab loaded and live, over one event stream for the whole browser', async ({
  browser,
  users,
  baseURL,
}) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'tabs');

  // Over HTTP/1.1 a browser opens at most 6 connections to one host: with an event stream per tab (or two), the
  // fourth tab never loads. This browser speaks HTTP/1.1 to the site, as `pnpm dev` or a proxy without HTTP/2 does.
  const defaults = chromiumLaunchOptions();
  const http1Browser = await chromium.launch({ ...defaults, args: [...(defaults.args ?? []), '--disable-http2'] });
  const fanContext = await http1Browser.newContext({ baseURL });
  await users.signUp(fanContext.request, 'fan');
  const follow = await fanContext.request.post(`/api/users/${creator.username}/follow`, { data: {} });
  expect(follow.status()).toBe(200);

  // Every event-stream request the fan's browser has open, and the tab that holds it.
  const openStreams = new Map<Request, Page>();
  fanContext.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/live/events') openStreams.set(request, request.frame().page());
  });
  const ended = (request: Request) => openStreams.delete(request);
  fanContext.on('requestfinished', ended);
  fanContext.on('requestfailed', ended);

  const tabs: Page[] = [];
  for (let index = 0; index < TABS; index++) {
    const tab = await fanContext.newPage();
    await tab.goto('/');
    await expect(tab.getByRole('heading', { name: 'Live now' })).toBeVisible();
    await expect(tab.getByRole('button', { name: 'Notifications' })).toBeVisible();
    tabs.push(tab);
  }
  await expect.poll(() => openStreams.size).toBe(1);

  const studio = await creatorContext.newPage();
  await goLiveFromBrowser(studio);
  const cardIn = (tab: Page) =>
    tab.getByRole('region', { name: 'Live now' }).getByTestId('stream-card').filter({ hasText: creator.username });
  for (const tab of tabs) {
    await expect(tab.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
    await expect(cardIn(tab)).toBeVisible();
  }

  // A viewer arrives: every tab's card counts them.
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  await guest.goto(`/${creator.username}/live`);
  await expectVideoPlaying(guest.getByTestId('host-video'));
  for (const tab of tabs) await expect(cardIn(tab).getByTestId('card-viewers')).toHaveText('1 viewer');

  // The tab holding the stream closes: another takes it over, and the rest still hear the stream end.
  const [leader] = [...openStreams.values()];
  await leader!.close();
  const remaining = tabs.filter((tab) => tab !== leader);
  const streamsOfOpenTabs = () => [...openStreams.values()].filter((page) => !page.isClosed()).length;
  await expect.poll(streamsOfOpenTabs).toBe(1);
  await endBrowserStream(studio);
  for (const tab of remaining) await expect(cardIn(tab)).toHaveCount(0);
  expect(streamsOfOpenTabs()).toBe(1);

  await Promise.all([creatorContext.close(), guestContext.close(), fanContext.close()]);
  await http1Browser.close();
});
