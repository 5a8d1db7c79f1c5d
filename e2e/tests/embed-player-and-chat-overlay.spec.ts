import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { chatInput, sendChat } from '../support/chat.ts';
import { endBrowserStream, goLiveFromBrowser } from '../support/go-live.ts';

/** A creator's own site: another origin (its own port), serving one page. */
async function partnerSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test("a creator's stream plays in another site's iframe, and its chat shows in an OBS overlay within a second", async ({
  browser,
  users,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'embeds');
  const studio = await creatorContext.newPage();
  await goLiveFromBrowser(studio);

  // The embed code from the dashboard, pasted into the partner's page beside a frame of the watch page itself.
  const dashboard = await creatorContext.newPage();
  await dashboard.goto('/dashboard/stream');
  const embedCode = await dashboard.getByLabel('Embed code for your site').inputValue();
  expect(embedCode).toContain(`src="${baseURL}/embed/${creator.username}"`);
  const overlayUrl = await dashboard.getByLabel('Chat overlay for OBS').inputValue();
  expect(overlayUrl).toBe(`${baseURL}/embed/${creator.username}/chat`);

  const site = await partnerSite(`<!doctype html><title>My site</title><h1>My stream</h1>
    ${embedCode.replace('<iframe ', '<iframe id="player" ')}
    <iframe id="chat-beside" src="${baseURL}/embed/${creator.username}?chat=1" width="960" height="360"></iframe>
    <iframe id="watch-page" src="${baseURL}/${creator.username}/live" width="640" height="360"></iframe>`);
  const visitorContext = await browser.newContext();
  const partner = await visitorContext.newPage();
  // Only the embed pages may be framed by other sites: the watch page refuses (frame-ancestors 'none').
  const refused = partner.waitForEvent('console', { predicate: (message) => message.text().includes("frame-ancestors 'none'") });
  await partner.goto(site.url);
  const player = partner.frameLocator('#player');
  await expectVideoPlaying(player.getByTestId('host-video'));
  await expect(player.getByRole('button', { name: 'Click to unmute' })).toBeVisible();
  await refused;
  await expect(partner.frameLocator('#watch-page').getByTestId('host-video')).toHaveCount(0);

  // OBS's browser source: a fresh browser on the overlay URL, transparent.
  const obsContext = await browser.newContext();
  const overlay = await obsContext.newPage();
  await overlay.goto(overlayUrl);
  await expect(overlay.getByTestId('chat-overlay')).toBeVisible();
  await expect(overlay.locator('body')).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');

  const chatPage = await creatorContext.newPage();
  await chatPage.goto(`/${creator.username}/live`);
  await expect(chatInput(chatPage)).toBeEnabled();
  await sendChat(chatPage, 'Hello to the overlay');
  const line = overlay.getByTestId('chat-overlay-line').filter({ hasText: 'Hello to the overlay' });
  await expect(line).toBeVisible({ timeout: 1_000 });
  await expect(line).toContainText('Creator');

  // The chat beside the embedded player shows it too, and offers no way to write or moderate.
  const beside = partner.frameLocator('#chat-beside');
  await expect(beside.getByTestId('chat-message').filter({ hasText: 'Hello to the overlay' })).toBeVisible();
  await expect(beside.getByRole('textbox', { name: 'Chat message' })).toHaveCount(0);

  // Lines fade out after ?fade= seconds.
  const fading = await obsContext.newPage();
  await fading.goto(`${overlayUrl}?fade=1`);
  const fadingLine = fading.getByTestId('chat-overlay-line').filter({ hasText: 'Hello to the overlay' });
  await expect(fadingLine).toHaveCount(1);
  await expect(fadingLine).toHaveCSS('opacity', '0');

  // The stream ends: the embedded player says so and links to the channel on the site.
  await endBrowserStream(studio);
  await expect(player.getByRole('link', { name: 'Watch on Streamhouse ↗' })).toBeVisible();

  await Promise.all([creatorContext.close(), visitorContext.close(), obsContext.close(), site.close()]);
});
