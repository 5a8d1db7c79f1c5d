import { test, expect } from '../support/test.ts';
import { uniqueUsername } from '../support/users.ts';

test('over HTTPS a new account gets a Secure session cookie, and signed-in pages and actions work with it', async ({
  browser,
  baseURL,
  users,
}) => {
  // The whole e2e suite runs through the stack's TLS proxy, as the site is deployed.
  expect(baseURL).toMatch(/^https:\/\//);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signup');
  const username = uniqueUsername('tls');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username.toLowerCase()}@example.test`);
  await page.getByLabel('Password').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(username);
  users.adopt(((await (await page.request.get('/api/auth/get-session')).json()) as { user: { id: string } }).user.id);

  // The session cookie carries the __Secure- prefix: browsers keep it to HTTPS, and no plain-HTTP page can set it.
  const sessionCookies = (await context.cookies()).filter((cookie) => cookie.name.includes('session_token'));
  expect(sessionCookies).toEqual([
    expect.objectContaining({ name: '__Secure-better-auth.session_token', secure: true, httpOnly: true, sameSite: 'Lax' }),
  ]);

  // A signed-in action on one of the site's own routes (not better-auth's): it used to answer 401 over HTTPS.
  await page.goto('/dashboard/stream');
  await page.getByLabel('Title', { exact: true }).fill('Live over TLS');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Stream info saved.')).toBeVisible();
  expect((await page.request.get('/api/stream/status')).status()).toBe(200);

  // The same token under the unprefixed name names no session: a cookie planted over plain HTTP counts for nothing.
  const planted = await browser.newContext();
  await planted.addCookies([{ name: 'better-auth.session_token', value: sessionCookies[0]!.value, url: baseURL! }]);
  const refused = await planted.request.get('/api/stream/status');
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  await planted.close();
  await context.close();
});
