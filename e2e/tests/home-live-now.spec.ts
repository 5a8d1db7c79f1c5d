import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';

test('the home page lists a live stream with its viewer count, and drops it when the stream ends, without a reload', async ({
  browser,
  users,
}) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'homelive');

  const homePage = await (await browser.newContext()).newPage();
  await homePage.goto('/');
  await expect(homePage.getByRole('heading', { name: 'Live now' })).toBeVisible();
  const liveNow = homePage.getByRole('region', { name: 'Live now' });
  const card = liveNow.getByTestId('stream-card').filter({ hasText: creator.username });
  await expect(card).toHaveCount(0);

  const creatorPage = await creatorContext.newPage();
  await goLiveFromBrowser(creatorPage);
  await expect(card).toBeVisible();
  await expect(card.getByText('Live', { exact: true })).toBeVisible();

  // A viewer count change reaches the open page as an event with the new value: no list is asked for again.
  const listReads: string[] = [];
  homePage.on('request', (request) => {
    if (/\/api\/viewer\/(live|recommended|following)/.test(request.url())) listReads.push(request.url());
  });
  const guestContext = await browser.newContext();
  const guestPage = await guestContext.newPage();
  await guestPage.goto(`/${creator.username}/live`);
  await expectVideoPlaying(guestPage.getByTestId('host-video'));
  await expect(card.getByTestId('card-viewers')).toHaveText('1 viewer');
  expect(listReads).toEqual([]);

  await card.click();
  await expect(homePage).toHaveURL(new RegExp(`/${creator.username}/live$`));
  await expectVideoPlaying(homePage.getByTestId('host-video'));
  await homePage.goBack();
  await expect(card.getByTestId('card-viewers')).toHaveText('1 viewer');

  await endBrowserStream(creatorPage);
  await expect(card).toHaveCount(0);

  await Promise.all([creatorContext.close(), guestContext.close()]);
});
