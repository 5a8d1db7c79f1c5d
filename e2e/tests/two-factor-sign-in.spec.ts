import type { Browser } from '@playwright/test';
import { test, expect } from '../support/test.ts';
import { totpCode } from '../support/totp.ts';
import type { TestUser } from '../support/users.ts';

/** Signs in through the page, up to the code step. */
async function signInUpToCode(browser: Browser, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Open your authenticator app and enter the 6-digit code')).toBeVisible();
  return { context, page };
}

test('a creator turns on two-factor sign-in with an authenticator app, then signs in with a code and with a backup code', async ({
  browser,
  users,
}) => {
  const context = await browser.newContext();
  const creator = await users.signUp(context.request, 'twofactor');
  const page = await context.newPage();
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await section.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await section.getByLabel('Your password').fill(creator.password);
  await section.getByRole('button', { name: 'Continue' }).click();

  // The app is set up from the QR code (or the key under it); the backup codes are shown once.
  await expect(section.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
  const key = (await section.locator('code').textContent())!.trim();
  const app = `otpauth://totp/Streamhouse?secret=${key}`;
  const backupCodes = await section.getByRole('list', { name: 'Backup codes' }).getByRole('listitem').allTextContents();
  expect(backupCodes).toHaveLength(10);
  await section.getByLabel('2. Enter the code the app shows').fill(await totpCode(app));
  await section.getByRole('button', { name: 'Turn on' }).click();
  await expect(section.getByText('On', { exact: true })).toBeVisible();

  // A new browser: the password, then the app's code.
  const laptop = await signInUpToCode(browser, creator);
  await laptop.page.getByLabel('Code').fill('000000');
  await laptop.page.getByRole('button', { name: 'Verify' }).click();
  await expect(laptop.page.getByRole('alert')).toBeVisible();
  await laptop.page.getByLabel('Code').fill(await totpCode(app));
  await laptop.page.getByRole('button', { name: 'Verify' }).click();
  await expect(laptop.page.getByTestId('signed-in-as')).toHaveText(creator.username);

  // Another: the phone is not at hand, a backup code instead.
  const borrowed = await signInUpToCode(browser, creator);
  await borrowed.page.getByRole('button', { name: 'Use a backup code' }).click();
  await borrowed.page.getByLabel('Backup code').fill(backupCodes[0]!);
  await borrowed.page.getByRole('button', { name: 'Verify' }).click();
  await expect(borrowed.page.getByTestId('signed-in-as')).toHaveText(creator.username);

  await Promise.all([context.close(), laptop.context.close(), borrowed.context.close()]);
});
