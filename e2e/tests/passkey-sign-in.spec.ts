import type { Page } from '@playwright/test';
import { test, expect } from '../support/test.ts';

/** Chromium's virtual authenticator (DevTools protocol): a platform passkey that the "person" always unlocks. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('WebAuthn.enable');
  await devtools.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test('a creator adds a passkey in settings, signs out, and signs back in with it alone', async ({ browser, users }) => {
  const context = await browser.newContext();
  const creator = await users.signUp(context.request, 'passkey');
  const page = await context.newPage();
  await addVirtualAuthenticator(page);

  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Passkeys' });
  await expect(section.getByText('No passkeys yet.')).toBeVisible();
  await section.getByLabel('Name for a new passkey').fill('This laptop');
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(section.getByRole('status')).toContainText('Passkey “This laptop” added');
  await expect(section.getByRole('list', { name: 'Passkeys' })).toContainText('not used yet');

  // Signed out, no username or password: the device's passkey alone.
  await page.getByTestId('user-menu-button').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Use a passkey instead' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(creator.username);

  await page.goto('/settings');
  await expect(section.getByRole('list', { name: 'Passkeys' })).toContainText('last used');
  await section.getByRole('button', { name: 'Remove the passkey This laptop' }).click();
  await expect(section.getByText('No passkeys yet.')).toBeVisible();

  // Removed, it signs nobody in.
  await page.getByTestId('user-menu-button').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Use a passkey instead' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  await context.close();
});
