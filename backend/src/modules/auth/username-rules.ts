import { USERNAME_PATTERN } from '@streamhouse/contract';

/** Usernames become URLs (`/:username`), so names that are (or may become) the site's own pages are refused. */
export const RESERVED_USERNAMES = new Set([
  'about',
  'account',
  'admin',
  'api',
  'app',
  'assets',
  'auth',
  'blocked',
  'browse',
  'dashboard',
  'discover',
  'explore',
  'following',
  'followers',
  'health',
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
  'ready',
  'register',
  'root',
  'search',
  'settings',
  'signin',
  'signout',
  'signup',
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
