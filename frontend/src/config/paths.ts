/** Every route path in one place; links are built from these, never typed by hand. */
export const paths = {
  home: { pattern: '/', to: () => '/' },
  signIn: {
    pattern: '/signin',
    to: (redirectTo?: string) => (redirectTo ? `/signin?redirectTo=${encodeURIComponent(redirectTo)}` : '/signin'),
  },
  signUp: { pattern: '/signup', to: () => '/signup' },
  forgotPassword: { pattern: '/account/forgot-password', to: () => '/account/forgot-password' },
  /** The link in a reset mail carries `?token=`. */
  resetPassword: { pattern: '/account/reset-password', to: () => '/account/reset-password' },
  dashboard: { pattern: '/dashboard', to: () => '/dashboard' },
  dashboardKeys: { pattern: '/dashboard/keys', to: () => '/dashboard/keys' },
  dashboardStream: { pattern: '/dashboard/stream', to: () => '/dashboard/stream' },
  dashboardChat: { pattern: '/dashboard/chat', to: () => '/dashboard/chat' },
  dashboardRecordings: { pattern: '/dashboard/recordings', to: () => '/dashboard/recordings' },
  dashboardRestream: { pattern: '/dashboard/restream', to: () => '/dashboard/restream' },
  analytics: { pattern: '/dashboard/analytics', to: () => '/dashboard/analytics' },
  analyticsSession: {
    pattern: '/dashboard/analytics/:sessionId',
    to: (sessionId: string) => `/dashboard/analytics/${encodeURIComponent(sessionId)}`,
  },
  goLive: { pattern: '/dashboard/go-live', to: () => '/dashboard/go-live' },
  search: { pattern: '/search', to: (query: string) => `/search?q=${encodeURIComponent(query)}` },
  settings: { pattern: '/settings', to: () => '/settings' },
  adminCreators: { pattern: '/admin/creators', to: () => '/admin/creators' },
  following: { pattern: '/following', to: () => '/following' },
  browse: { pattern: '/browse', to: () => '/browse' },
  browseCategory: { pattern: '/browse/:category', to: (slug: string) => `/browse/${encodeURIComponent(slug)}` },
  watch: { pattern: '/:username/live', to: (username: string) => `/${encodeURIComponent(username)}/live` },
  /** For other sites' iframes: the player alone (`?muted=0`, `?chat=1`). */
  embed: { pattern: '/embed/:username', to: (username: string) => `/embed/${encodeURIComponent(username)}` },
  /** For an OBS browser source: the chat on a transparent page (`?theme=light`, `?fade=30`). */
  embedChat: { pattern: '/embed/:username/chat', to: (username: string) => `/embed/${encodeURIComponent(username)}/chat` },
  replay: {
    pattern: '/:username/replays/:replayId',
    to: (username: string, replayId: string) => `/${encodeURIComponent(username)}/replays/${encodeURIComponent(replayId)}`,
  },
  profile: { pattern: '/:username', to: (username: string) => `/${encodeURIComponent(username)}` },
} as const;
