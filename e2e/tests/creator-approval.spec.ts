import { test, expect } from '../support/test.ts';
import { makeAdmin } from '../support/users.ts';
import { screenshotBothWidths } from '../support/screenshots.ts';

/**
 * The test stack runs with REQUIRE_CREATOR_APPROVAL off (so the other journeys can stream): the creator's first
 * request goes through the API (the dashboard offers the form only where approval is required), and the rest
 * is the UI. That a declined creator cannot create a key is covered by modules/admin/admin.test.ts, which runs
 * with approval required.
 */
test('a creator asks to stream, an admin declines with a reason, the creator asks again and is approved', async ({
  browser,
  users,
}) => {
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'hopeful');
  const adminContext = await browser.newContext();
  const admin = await users.signUp(adminContext.request, 'boss');

  const asked = await creatorContext.request.post('/api/creator-access', {
    data: { note: 'Cooking streams, three nights a week.' },
  });
  expect(asked.status()).toBe(200);
  const dashboard = await creatorContext.newPage();
  await dashboard.goto('/dashboard');
  const card = dashboard.getByTestId('creator-access');
  await expect(card).toContainText('Pending.');
  await expect(card).toContainText('Cooking streams');

  // Not an admin yet: the page says so, and the API refuses.
  const adminPage = await adminContext.newPage();
  await adminPage.goto('/admin/creators');
  await expect(adminPage.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  expect((await adminContext.request.get('/api/admin/creator-requests')).status()).toBe(403);

  await makeAdmin(admin.id);
  await adminPage.reload();
  const request = adminPage.locator(`[data-testid="creator-request"][data-username="${creator.username}"]`);
  await expect(request).toContainText('Cooking streams, three nights a week.');
  await screenshotBothWidths(adminPage, 'admin-creator-requests');
  await request.getByRole('button', { name: 'Decline' }).click();
  await expect(request.getByText('Say why: the creator sees it.')).toBeVisible();
  await request.getByLabel(`Reason for ${creator.username} (needed to decline)`).fill('Tell us more about your streams.');
  await request.getByRole('button', { name: 'Decline' }).click();
  await expect(request).toHaveCount(0);
  await adminPage.getByRole('tab', { name: 'Declined' }).click();
  await expect(request).toContainText('Tell us more about your streams.');

  // The creator's next visit shows the decision and the reason, without signing in again.
  await dashboard.reload();
  await expect(card).toContainText('Declined');
  await expect(card).toContainText('Reason: Tell us more about your streams.');
  await screenshotBothWidths(dashboard, 'dashboard-creator-declined');
  await card.getByLabel('Note to the admins (optional)').fill('Slow food, weekly: ramen, bread, stock.');
  await card.getByRole('button', { name: 'Ask again' }).click();
  await expect(card).toContainText('Pending.');

  await adminPage.getByRole('tab', { name: 'Pending' }).click();
  await expect(request).toContainText('Slow food, weekly');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(request).toHaveCount(0);

  await dashboard.reload();
  await expect(card).toContainText('Approved.');
  await dashboard.goto('/dashboard/keys');
  await dashboard.getByRole('radio', { name: /RTMP/ }).check();
  await dashboard.getByRole('button', { name: 'Generate stream key' }).click();
  await expect(dashboard.getByRole('heading', { name: 'Set up OBS (RTMP)' })).toBeVisible();

  await creatorContext.close();
  await adminContext.close();
});
