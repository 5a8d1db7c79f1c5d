/** Every route path in one place; links are built from these, never typed by hand. */
export const paths = {
  home: { pattern: '/', to: () => '/' },
  signIn: { pattern: '/signin', to: (redirectTo?: string) => (redirectTo ? `/signin?redirectTo=${encodeURIComponent(redirectTo)}` : '/signin') },
  signUp: { pattern: '/signup', to: () => '/signup' },
  goLive: { pattern: '/dashboard/go-live', to: () => '/dashboard/go-live' },
  watch: { pattern: '/:username/live', to: (username: string) => `/${encodeURIComponent(username)}/live` },
} as const;
