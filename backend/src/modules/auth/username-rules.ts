import { SERVER_PATHS, SITE_PAGES, USERNAME_PATTERN } from '@streamhouse/contract';

/**
 * Usernames become URLs (`/:username`), so the site's own addresses are refused, and so are names that may become
 * pages later or that would pose as the site.
 */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  ...SITE_PAGES,
  ...SERVER_PATHS,
  'about',
  'account',
  'app',
  'auth',
  'blocked',
  'discover',
  'embed',
  'explore',
  'followers',
  'help',
  'home',
  'live',
  'login',
  'logout',
  'me',
  'messages',
  'moderator',
  'new',
  'notifications',
  'null',
  'official',
  'password',
  'privacy',
  'profile',
  'register',
  'root',
  'signout',
  'staff',
  'static',
  'stream',
  'streamhouse',
  'streams',
  'support',
  'system',
  'terms',
  'undefined',
  'uploads',
  'user',
  'users',
  'webhooks',
  'www',
]);

export function isUsernameAllowed(username: string): boolean {
  return usernameProblem(username) === undefined;
}

export type UsernameProblem = { code: 'INVALID_USERNAME' | 'USERNAME_RESERVED'; message: string };

/** What is wrong with a wanted username, in words a person can act on; undefined when it is fine. */
export function usernameProblem(username: string): UsernameProblem | undefined {
  if (!USERNAME_PATTERN.test(username))
    return { code: 'INVALID_USERNAME', message: 'Usernames are 3–24 characters: letters, digits and underscores.' };
  if (RESERVED_USERNAMES.has(username.toLowerCase()))
    return {
      code: 'USERNAME_RESERVED',
      message: `"${username}" is reserved because it is one of the site's own addresses. Please choose another username.`,
    };
  return undefined;
}
