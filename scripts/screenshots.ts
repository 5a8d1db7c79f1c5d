/**
 * `pnpm screenshots [site URL]`: the README's pictures, taken from a running site (default: `pnpm dev`'s
 * http://localhost:5173). Signs up a creator and a viewer, goes live from the browser with Chromium's fake
 * camera, chats a little, and saves desktop (1440×900) and phone (390×844) PNGs of the home, watch, dashboard
 * and keys pages into docs/screenshots/. The accounts stay in that site's database. Emoji (reactions, chat) need
 * a colour emoji font, e.g. Debian's fonts-noto-color-emoji; without one they come out as empty boxes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT } from './stack/livekit.ts';
import { chromiumLaunchOptions } from './browser/chromium.ts';

const siteUrl = (process.argv[2] ?? 'http://localhost:5173').replace(/\/$/, '');
const outDir = path.join(REPO_ROOT, 'docs/screenshots');

const SCREENS = {
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
} as const;
type Screen = keyof typeof SCREENS;

type Account = { username: string; id: string };

function fail(message: string): never {
  throw new Error(message);
}

async function until<T>(what: string, read: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Signs up through the API; the context keeps the session cookie. A made-up client address per account keeps
 * the per-network sign-up limit from counting every run against one household. */
async function signUp(context: BrowserContext, name: string): Promise<Account> {
  const username = `${name}_${randomBytes(2).toString('hex')}`;
  const response = await context.request.post('/api/auth/sign-up/email', {
    data: { username, name: username, email: `${username}@example.test`, password: 'correct-horse-battery' },
    headers: { 'X-Forwarded-For': `10.${randomBytes(3).join('.')}` },
  });
  if (!response.ok()) fail(`sign-up failed: ${response.status()} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  return { username, id: body.user.id };
}

async function call(context: BrowserContext, method: 'POST' | 'PUT' | 'PATCH', url: string, data: unknown): Promise<boolean> {
  const response = await context.request.fetch(url, { method, data });
  if (!response.ok()) console.warn(`  ${method} ${url}: ${response.status()} ${(await response.text()).slice(0, 200)}`);
  return response.ok();
}

async function videoPlays(video: Locator): Promise<void> {
  await video.waitFor({ state: 'visible', timeout: 60_000 });
  await until(
    'the video to play',
    () => video.evaluate((element: HTMLVideoElement) => element.videoWidth > 0 && element.currentTime > 0.5),
    60_000,
  );
}

/** Lets images, fonts and entrance transitions settle before the picture. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(1500);
}

async function save(page: Page, screen: Screen, name: string): Promise<void> {
  await settle(page);
  const file = path.join(outDir, `${name}-${screen}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${path.relative(REPO_ROOT, file)}`);
}

/** A creator with a display name and a titled stream, live from a browser tab with Chromium's fake camera. */
async function goLive(browser: Browser, name: string, stream: { name: string; title: string; description: string }) {
  const context = await contextFor(browser, 'desktop');
  const account = await signUp(context, name);
  await call(context, 'PATCH', `/api/users/${account.username}`, { name: stream.name });
  await call(context, 'PUT', '/api/stream/info', { title: stream.title, description: stream.description });
  // Pictures need no recording, and re-encoding three streams would slow everything else down.
  await call(context, 'PUT', '/api/recordings/settings', { recordingEnabled: false });
  const studio = await context.newPage();
  await studio.goto('/dashboard/go-live');
  await studio.getByRole('button', { name: 'Start streaming' }).click();
  await until(`${account.username} to go live`, async () => {
    const status = (await (await context.request.get('/api/stream/status')).json()) as { isLive: boolean };
    return status.isLive;
  });
  console.log(`  ${account.username} is live`);
  return { context, account, studio };
}

async function contextFor(browser: Browser, screen: Screen, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  return browser.newContext({ baseURL: siteUrl, ...SCREENS[screen], storageState, permissions: ['camera', 'microphone'] });
}

const browser = await chromium.launch(chromiumLaunchOptions());

try {
  fs.mkdirSync(outDir, { recursive: true });
  console.log(`Screenshots of ${siteUrl}`);

  // The creator the pictures follow (with a stream key), and two more live channels so the home page has company.
  const {
    context: creatorContext,
    account: creator,
    studio,
  } = await goLive(browser, 'nova', {
    name: 'Nova Synths',
    title: 'Patching a generative ambient track',
    description: 'Eurorack from scratch: oscillators, a slow filter sweep and a lot of reverb.',
  });
  await call(creatorContext, 'POST', '/api/stream/ingress', { type: 'RTMP', quality: '720p' });
  const others = [
    await goLive(browser, 'lena', { name: 'Lena', title: 'Lo-fi beats to code to', description: 'Requests open in chat.' }),
    await goLive(browser, 'pete', {
      name: 'Pixel Pete',
      title: 'Speedrunning a retro platformer',
      description: 'Any% attempts.',
    }),
  ];

  // A viewer who follows and chats.
  const viewerContext = await contextFor(browser, 'desktop');
  const viewer = await signUp(viewerContext, 'mika');
  await call(viewerContext, 'POST', `/api/users/${creator.username}/follow`, undefined);
  const watch = await viewerContext.newPage();
  await watch.goto(`/${creator.username}/live`);
  await videoPlays(watch.getByTestId('host-video'));
  const chatBox = watch.getByRole('textbox', { name: 'Chat message' });
  for (const text of ['Hi Nova! That filter sweep is gorgeous', 'Which reverb module is that?']) {
    await chatBox.fill(text);
    await chatBox.press('Enter');
    await until('the message to be sent', async () => (await chatBox.inputValue()) === '');
  }
  await call(creatorContext, 'POST', `/api/chat/${creator.id}/messages`, {
    body: `Welcome ${viewer.username}! It's a Clouds clone 🎛️`,
  });
  await until('the chat to show three messages', async () => (await watch.getByTestId('chat-message').count()) >= 3);

  const creatorState = await creatorContext.storageState();
  const viewerState = await viewerContext.storageState();

  for (const screen of Object.keys(SCREENS) as Screen[]) {
    console.log(`${screen}:`);
    const asViewer = screen === 'desktop' ? viewerContext : await contextFor(browser, screen, viewerState);
    const asCreator = screen === 'desktop' ? creatorContext : await contextFor(browser, screen, creatorState);

    const home = await asViewer.newPage();
    await home.goto('/');
    await until('the live channels on the home page', async () => (await home.getByTestId('stream-card').count()) >= 3);
    await save(home, screen, 'home');

    const watchPage = screen === 'desktop' ? watch : await asViewer.newPage();
    if (watchPage !== watch) await watchPage.goto(`/${creator.username}/live`);
    await videoPlays(watchPage.getByTestId('host-video'));
    await until('the chat', async () => (await watchPage.getByTestId('chat-message').count()) >= 3);
    await save(watchPage, screen, 'watch');

    const dashboard = await asCreator.newPage();
    await dashboard.goto('/dashboard');
    await videoPlays(dashboard.getByTestId('self-preview-video'));
    await save(dashboard, screen, 'dashboard');

    const keys = await asCreator.newPage();
    await keys.goto('/dashboard/keys');
    await keys.getByRole('heading').first().waitFor();
    await save(keys, screen, 'keys');
    await Promise.all([home.close(), dashboard.close(), keys.close()]);
  }

  for (const live of [{ studio }, ...others]) await live.studio.getByRole('button', { name: 'End stream' }).click();
} finally {
  await browser.close();
}
