import { expect, type Page } from '@playwright/test';
import pg from 'pg';

/** Chat rows have no foreign key to their creator: remove the ones a test's creators collected. */
export async function deleteChatOf(hostIds: string[]): Promise<void> {
  if (!hostIds.length) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('DELETE FROM "ChatMessage" WHERE "hostId" = ANY($1)', [hostIds]);
    await client.query('DELETE FROM "ChatSanction" WHERE "hostId" = ANY($1)', [hostIds]);
  } finally {
    await client.end();
  }
}

export const chatInput = (page: Page) => page.getByRole('textbox', { name: 'Chat message' });

export const chatMessages = (page: Page) => page.getByTestId('chat-message');

/** Types a message and sends it with Enter; the box empties once the server accepted it. */
export async function sendChat(page: Page, text: string): Promise<void> {
  await chatInput(page).fill(text);
  await chatInput(page).press('Enter');
  await expect(chatInput(page)).toHaveValue('');
}

export async function chooseGuestName(page: Page, name: string): Promise<void> {
  await page.getByLabel('Choose a name to chat as a guest').fill(name);
  await page.getByRole('button', { name: 'Start chatting' }).click();
  await expect(chatInput(page)).toBeEnabled();
}
