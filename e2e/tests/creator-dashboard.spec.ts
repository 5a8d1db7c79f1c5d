import { test, expect } from '../support/test.ts';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('a creator generates an RTMP key, reveals and copies it, and resets it after a warning', async ({ browser, users }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  await users.signUp(context.request, 'keys');
  const page = await context.newPage();
  await page.goto('/dashboard/keys');

  // Each protocol says how far behind viewers will be (the benchmark's figures).
  await expect(page.getByRole('radio', { name: /RTMP/ })).toHaveAccessibleName(/Delay to viewers: about 0\.3 s/);
  await expect(page.getByRole('radio', { name: /WHIP/ })).toHaveAccessibleName(/lowest delay.*Delay to viewers: under 0\.1 s/);
  await page.getByRole('radio', { name: /RTMP/ }).check();
  await page.getByLabel('Quality viewers can get').selectOption('1080p');
  await page.getByRole('button', { name: 'Generate stream key' }).click();

  const keyField = page.getByTestId('stream-key');
  await expect(keyField).toHaveAttribute('type', 'password');
  await expect(page.getByTestId('stream-key-type')).toHaveText('RTMP');
  await expect(page.getByTestId('stream-server-url')).toHaveValue(/^rtmp:\/\//);
  await expect(page.getByRole('heading', { name: 'Set up OBS (RTMP)' })).toBeVisible();
  await expect(page.getByTestId('ingest-delay')).toContainText('about a third of a second');
  await expect(page.getByTestId('ingest-delay')).toContainText(
    'When the lowest delay matters, for talking with chat or playing with viewers, use WHIP with OBS 30 or newer',
  );
  const credentials = (await (await context.request.get('/api/stream/credentials')).json()) as { streamKey: string };
  expect(credentials.streamKey).toBeTruthy();

  await page.getByRole('button', { name: 'Show stream key' }).click();
  await expect(keyField).toHaveAttribute('type', 'text');
  await expect(keyField).toHaveValue(credentials.streamKey);
  await page.getByRole('button', { name: 'Hide stream key' }).click();
  await expect(keyField).toHaveAttribute('type', 'password');

  await page.getByRole('button', { name: 'Copy stream key' }).click();
  await expect(page.getByRole('button', { name: 'Copy stream key' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(credentials.streamKey);

  await page.getByRole('button', { name: 'Reset key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset your stream key?' });
  await expect(dialog).toContainText('paste a new key into OBS');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(keyField).toBeVisible();

  await page.getByRole('button', { name: 'Reset key' }).click();
  await dialog.getByRole('button', { name: 'Reset key' }).click();
  await expect(page.getByText('Your old key no longer works')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Generate stream key' })).toBeVisible();
  expect(await (await context.request.get('/api/stream/credentials')).json()).toEqual({
    serverUrl: null,
    streamKey: null,
    type: null,
  });

  // A WHIP key says where the key goes in OBS (the bearer token).
  await page.getByRole('radio', { name: /WHIP/ }).check();
  await page.getByRole('button', { name: 'Generate stream key' }).click();
  await expect(page.getByTestId('stream-key-type')).toHaveText('WHIP');
  await expect(page.getByLabel('Stream key (OBS: Bearer Token)')).toBeVisible();
  await expect(page.getByTestId('ingest-delay')).toHaveText(/viewers see you less than a tenth of a second after it happens/);
  await context.close();
});

test('a creator sets the stream title, description and thumbnail, and viewers see them', async ({ browser, users }) => {
  const context = await browser.newContext();
  const creator = await users.signUp(context.request, 'info');
  const page = await context.newPage();
  await page.goto('/dashboard/stream');

  await page.getByLabel('Title', { exact: true }).fill('Sunday bread baking');
  await page.getByLabel('Description').fill('Sourdough from scratch.\nQuestions welcome.');
  await page.getByTestId('thumbnail-file').setInputFiles({ name: 'loaf.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('thumbnail-preview')).toHaveAttribute('src', /^\/api\/uploads\//);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Stream info saved.')).toBeVisible();

  // A file that is not an image is refused before upload.
  await page
    .getByTestId('thumbnail-file')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alert')).toHaveText('Choose a PNG, JPEG, WebP or GIF image.');

  await page.reload();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Sunday bread baking');
  const channel = await (await browser.newContext()).request.get(`/api/viewer/stream/${creator.username}`);
  expect(await channel.json()).toMatchObject({
    title: 'Sunday bread baking',
    description: 'Sourdough from scratch.\nQuestions welcome.',
    thumbnailUrl: expect.stringMatching(/^\/api\/uploads\//),
  });
  await context.close();
});

test('the dashboard sends a signed-out visitor to sign in first', async ({ page }) => {
  await page.goto('/dashboard/keys');
  await expect(page).toHaveURL(/\/signin\?redirectTo=%2Fdashboard%2Fkeys$/);
});
