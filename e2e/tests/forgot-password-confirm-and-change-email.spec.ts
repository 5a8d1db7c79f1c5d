import { test, expect } from '../support/test.ts';
import { linkIn, waitForMail } from '../support/mail.ts';

test('a creator who forgot their password resets it from the mailed link, and every old session is signed out', async ({
  browser,
  users,
}) => {
  // Signed in on a laptop (this context) before forgetting the password.
  const laptop = await browser.newContext();
  const creator = await users.signUp(laptop.request, 'forgetful');
  const laptopPage = await laptop.newPage();
  await laptopPage.goto('/settings');
  await expect(laptopPage.getByRole('heading', { name: 'Settings' })).toBeVisible();

  // On a new device: "Forgot your password?" from the sign-in page.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email or username').fill(creator.username);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account matches, we sent a link');

  const mail = await waitForMail(creator.email, /Reset your Streamhouse password/);
  await page.goto(linkIn(mail, '/account/reset-password'));
  await page.getByLabel('New password', { exact: true }).fill('a-whole-new-secret');
  await page.getByLabel('New password again').fill('a-whole-new-secret');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByRole('status')).toContainText('every session of your account was signed out');
  await page.getByRole('link', { name: 'Sign in', exact: true }).first().click();
  await page.getByLabel('Username').fill(creator.username);
  await page.getByLabel('Password').fill('a-whole-new-secret');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(creator.username);
  await waitForMail(creator.email, /password was changed/);

  // The laptop's session ended with the reset.
  await laptopPage.reload();
  await expect(laptopPage).toHaveURL(/\/signin\?redirectTo=%2Fsettings$/);

  // The same link a second time is refused.
  await page.goto(linkIn(mail, '/account/reset-password'));
  await page.getByLabel('New password', { exact: true }).fill('yet-another-secret');
  await page.getByLabel('New password again').fill('yet-another-secret');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByText('This link has expired or was already used.')).toBeVisible();
  await laptop.close();
  await phone.close();
});

test('a creator confirms their email from the sign-up mail, then moves to a new address that both addresses hear about', async ({
  browser,
  users,
}) => {
  const context = await browser.newContext();
  const creator = await users.signUp(context.request, 'confirmer');
  const page = await context.newPage();
  // Until the address is confirmed, the dashboard says so and leads to the settings.
  await page.goto('/dashboard');
  const note = page.getByTestId('confirm-email-note');
  await expect(note).toContainText(`Confirm your email address: we sent a link to ${creator.email}.`);
  await note.getByRole('link', { name: 'Resend the link or change the address' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  const emailSection = page.getByRole('region', { name: 'Email address' });
  await expect(emailSection.getByText('Not confirmed')).toBeVisible();

  const confirmation = await waitForMail(creator.email, /Confirm your email address/);
  await page.goto(linkIn(confirmation, '/api/auth/verify-email'));
  await expect(page).toHaveURL(/\/settings\?email=confirmed$/);
  await expect(page.getByText('Your email address is confirmed.')).toBeVisible();
  await expect(emailSection.getByText('Confirmed', { exact: true })).toBeVisible();
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('confirm-email-note')).toHaveCount(0);
  await page.goto('/settings');

  const newEmail = `moved_${creator.username}@example.test`;
  await emailSection.getByLabel('New email address').fill(newEmail);
  await emailSection.getByRole('button', { name: 'Change email' }).click();
  await expect(emailSection.getByRole('status')).toContainText(`We sent a link to ${newEmail}`);
  const told = await waitForMail(creator.email, /email address is being changed/);
  expect(told.text).toContain(newEmail);

  await page.goto(linkIn(await waitForMail(newEmail, /Confirm your email address/), '/api/auth/verify-email'));
  await expect(page.getByText('Your email address is confirmed.')).toBeVisible();
  await expect(emailSection.getByText(newEmail)).toBeVisible();
  await expect(emailSection.getByText('Confirmed', { exact: true })).toBeVisible();

  // The sessions list shows this browser.
  await expect(page.getByRole('region', { name: 'Sessions' }).getByText('This device')).toBeVisible();
  await context.close();
});
