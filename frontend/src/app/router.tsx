import { createBrowserRouter } from 'react-router';
import { paths } from '@/config/paths.ts';
import { RootLayout } from './routes/root-layout.tsx';
import { HomeRoute } from './routes/home.tsx';
import { SignInRoute } from './routes/sign-in.tsx';
import { SignUpRoute } from './routes/sign-up.tsx';
import { GoLiveRoute } from './routes/go-live.tsx';
import { WatchRoute } from './routes/watch.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    children: [
      { path: paths.home.pattern, element: <HomeRoute /> },
      { path: paths.signIn.pattern, element: <SignInRoute /> },
      { path: paths.signUp.pattern, element: <SignUpRoute /> },
      { path: paths.goLive.pattern, element: <GoLiveRoute /> },
      { path: paths.watch.pattern, element: <WatchRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
