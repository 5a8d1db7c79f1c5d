import { createBrowserRouter } from 'react-router';
import { paths } from '@/config/paths.ts';
import { RootLayout } from './routes/root-layout.tsx';
import { HomeRoute } from './routes/home.tsx';
import { SignInRoute } from './routes/sign-in.tsx';
import { SignUpRoute } from './routes/sign-up.tsx';
import { GoLiveRoute } from './routes/go-live.tsx';
import { DashboardLayout } from './routes/dashboard-layout.tsx';
import { DashboardOverviewRoute } from './routes/dashboard-overview.tsx';
import { DashboardKeysRoute } from './routes/dashboard-keys.tsx';
import { DashboardStreamRoute } from './routes/dashboard-stream.tsx';
import { DashboardChatRoute } from './routes/dashboard-chat.tsx';
import { WatchLoading, WatchRoute, watchLoader } from './routes/watch.tsx';
import { SearchRoute } from './routes/search.tsx';
import { BrowseCategoryRoute, BrowseRoute } from './routes/browse.tsx';
import { DashboardAnalyticsRoute } from './routes/dashboard-analytics.tsx';
import { ProfileRoute } from './routes/profile.tsx';
import { FollowingRoute } from './routes/following.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { DashboardRecordingsRoute } from './routes/dashboard-recordings.tsx';
import { EmbedChatRoute, EmbedPlayerRoute } from './routes/embed.tsx';

// Pages few visits need (account settings, password recovery, a replay with its player, one viewing session's
// analytics, the admins' page) load on demand, outside the first page's JavaScript.
const accountPasswordPages = () => import('./routes/account-password.tsx');

export const router = createBrowserRouter([
  // For other sites' iframes and OBS: no site chrome around them.
  { path: paths.embed.pattern, element: <EmbedPlayerRoute /> },
  { path: paths.embedChat.pattern, element: <EmbedChatRoute /> },
  {
    element: <RootLayout />,
    children: [
      { path: paths.home.pattern, element: <HomeRoute /> },
      { path: paths.signIn.pattern, element: <SignInRoute /> },
      { path: paths.signUp.pattern, element: <SignUpRoute /> },
      {
        path: paths.forgotPassword.pattern,
        lazy: async () => ({ Component: (await accountPasswordPages()).ForgotPasswordRoute }),
      },
      {
        path: paths.resetPassword.pattern,
        lazy: async () => ({ Component: (await accountPasswordPages()).ResetPasswordRoute }),
      },
      {
        // The creator's pages: children of this layout (one line each; paths from config/paths.ts).
        path: paths.dashboard.pattern,
        element: <DashboardLayout />,
        children: [
          { index: true, element: <DashboardOverviewRoute /> },
          { path: paths.goLive.pattern, element: <GoLiveRoute /> },
          { path: paths.dashboardKeys.pattern, element: <DashboardKeysRoute /> },
          { path: paths.dashboardStream.pattern, element: <DashboardStreamRoute /> },
          { path: paths.dashboardChat.pattern, element: <DashboardChatRoute /> },
          { path: paths.dashboardRecordings.pattern, element: <DashboardRecordingsRoute /> },
          {
            path: paths.dashboardRestream.pattern,
            lazy: async () => ({ Component: (await import('./routes/dashboard-restream.tsx')).DashboardRestreamRoute }),
          },
          { path: paths.analytics.pattern, element: <DashboardAnalyticsRoute /> },
          {
            path: paths.analyticsSession.pattern,
            lazy: async () => ({
              Component: (await import('./routes/dashboard-analytics-session.tsx')).DashboardAnalyticsSessionRoute,
            }),
          },
        ],
      },
      { path: paths.search.pattern, element: <SearchRoute /> },
      { path: paths.browse.pattern, element: <BrowseRoute /> },
      { path: paths.browseCategory.pattern, element: <BrowseCategoryRoute /> },
      { path: paths.settings.pattern, lazy: async () => ({ Component: (await import('./routes/settings.tsx')).SettingsRoute }) },
      {
        path: paths.adminCreators.pattern,
        lazy: async () => ({ Component: (await import('./routes/admin-creators.tsx')).AdminCreatorsRoute }),
      },
      { path: paths.following.pattern, element: <FollowingRoute /> },
      // The loader only starts the viewer's connection early; nothing on the page is loader data to revalidate.
      {
        path: paths.watch.pattern,
        element: <WatchRoute />,
        loader: watchLoader,
        shouldRevalidate: () => false,
        HydrateFallback: WatchLoading,
      },
      { path: paths.replay.pattern, lazy: async () => ({ Component: (await import('./routes/replay.tsx')).ReplayRoute }) },
      { path: paths.profile.pattern, element: <ProfileRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
