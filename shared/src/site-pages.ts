/**
 * The site's own top-level addresses (`/{name}`): the browser app's pages and what the server answers itself.
 * None of them can be a username (profiles live at `/:username`), and a visit from one is not a profile visit.
 */
export const SITE_PAGES = [
  'account',
  'admin',
  'browse',
  'dashboard',
  'embed',
  'following',
  'search',
  'settings',
  'signin',
  'signup',
] as const;
/** `assets` holds the built app's files; the rest are routes of the API. */
export const SERVER_PATHS = ['api', 'assets', 'health', 'metrics', 'ready'] as const;

const SITE_ADDRESSES: ReadonlySet<string> = new Set([...SITE_PAGES, ...SERVER_PATHS]);

/** Whether `/{segment}` is one of the site's own addresses rather than a profile. */
export const isSiteAddress = (segment: string) => SITE_ADDRESSES.has(segment.toLowerCase());
