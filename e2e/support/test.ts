import { test as base, type APIRequestContext } from '@playwright/test';
import { deleteChatOf } from './chat.ts';
import { deleteUsers, signUpViaApi, type TestUser } from './users.ts';

export { expect } from '@playwright/test';

/** The users one test made: the `users` fixture removes them, and the chat they hosted, once the test is over. */
export type Users = {
  /** Signs up through the API (signUpViaApi: recording off unless `{ recorded: true }`) and remembers the user. */
  signUp(request: APIRequestContext, prefix: string, options?: Parameters<typeof signUpViaApi>[2]): Promise<TestUser>;
  /** Remembers a user the test created another way, e.g. through the sign-up page. */
  adopt(id: string): void;
};

// One place creates and cleans test users, so no spec keeps its own list and afterAll hook, and a failed test
// still cleans up what it made.
export const test = base.extend<{ users: Users }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this object pattern
  users: async ({}, use) => {
    const ids: string[] = [];
    await use({
      signUp: async (request, prefix, options) => {
        const user = await signUpViaApi(request, prefix, options);
        ids.push(user.id);
        return user;
      },
      adopt: (id) => {
        ids.push(id);
      },
    });
    // Chat rows have no foreign key to their host: they go first, then the users (with their streams and follows).
    await deleteChatOf(ids);
    await deleteUsers(ids);
  },
});
