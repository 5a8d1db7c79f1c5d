/** Usernames become URLs (`/:username`), so names that are routes are refused. */
export const RESERVED_USERNAMES = new Set([
  'admin', 'api', 'app', 'auth', 'dashboard', 'following', 'help', 'home', 'live', 'login', 'logout',
  'me', 'new', 'register', 'root', 'search', 'settings', 'signin', 'signout', 'signup', 'static',
  'stream', 'streams', 'support', 'system', 'assets', 'health', 'ready', 'about', 'terms', 'privacy',
]);

export const USERNAME_PATTERN = /^[A-Za-z0-9_]{3,24}$/;

export function isUsernameAllowed(username: string): boolean {
  return USERNAME_PATTERN.test(username) && !RESERVED_USERNAMES.has(username.toLowerCase());
}
