import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Spinner } from '@/components/spinner.tsx';
import { ApiError } from '@/lib/api-client.ts';
import { useWatchedChannel } from '@/features/watch/hooks/use-watched-channel.ts';

const WatchRoom = lazy(() => import('@/features/watch/components/watch-room.tsx'));
const ChatPanel = lazy(() => import('@/features/chat/components/chat-panel.tsx'));
const ChatOverlay = lazy(() => import('@/features/chat/components/chat-overlay.tsx'));
const ReactionsOverlay = lazy(() => import('@/features/chat/components/reactions-overlay.tsx'));

/** The overlay's default: a line stays a minute, then fades (`?fade=0` keeps them). */
const DEFAULT_FADE_SECONDS = 60;

function Centered({ children }: { children: ReactNode }) {
  return <div className="flex h-dvh items-center justify-center p-4 text-center text-zinc-300">{children}</div>;
}

function Loading({ label }: { label: string }) {
  return (
    <Centered>
      <span role="status" className="flex items-center gap-3">
        <Spinner /> {label}
      </span>
    </Centered>
  );
}

/** What an embed says when the channel cannot be shown; in another site's frame, so it links out in a new tab. */
function ChannelProblem({ error, username }: { error: unknown; username: string }) {
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <Centered>
      <div className="flex flex-col items-center gap-2">
        <p className="font-semibold text-white">{missing ? 'Channel not found' : 'Could not load this channel'}</p>
        <p className="text-sm">
          {missing ? `There is no creator called “${username}”.` : 'It tries again when the page reloads.'}
        </p>
      </div>
    </Centered>
  );
}

function WatchOnSite({ username }: { username: string }) {
  return (
    <a
      href={paths.watch.to(username)}
      target="_blank"
      rel="noopener"
      className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-500"
    >
      Watch on Streamhouse ↗
    </a>
  );
}

/**
 * /embed/:username — the player alone, for other sites' iframes: no site chrome, sound off until clicked
 * (`?muted=0` asks for sound where the browser allows), `?chat=1` adds the chat, read-only, beside it.
 */
export function EmbedPlayerRoute() {
  const { username = '' } = useParams();
  const [search] = useSearchParams();
  const { state, reload } = useWatchedChannel(username);
  if (state.status === 'loading') return <Loading label="Loading…" />;
  if (state.status === 'error') return <ChannelProblem error={state.error} username={username} />;
  const stream = state.data;
  return (
    <Suspense fallback={<Loading label="Loading…" />}>
      <WatchRoom
        key={stream.username}
        layout="embed"
        stream={stream}
        startMuted={search.get('muted') !== '0'}
        onHostChange={reload}
        offline={<WatchOnSite username={stream.username} />}
        overlay={({ token }) => (
          // A small embed (a phone-sized frame) has room for the unmute button and the controls, not the reactions.
          <div className="hidden sm:block">
            <Suspense fallback={null}>
              <ReactionsOverlay hostId={stream.hostId} roomToken={token} />
            </Suspense>
          </div>
        )}
        sidebar={
          search.get('chat') === '1'
            ? ({ token }) => (
                <Suspense fallback={null}>
                  <ChatPanel
                    readOnly
                    hostId={stream.hostId}
                    hostName={stream.username}
                    roomToken={token}
                    initialSettings={stream.chat}
                    isFollowing={false}
                  />
                </Suspense>
              )
            : undefined
        }
      />
    </Suspense>
  );
}

/** OBS browser sources show what is transparent as transparent: the site's dark page colour must go. */
function useTransparentPage() {
  useEffect(() => {
    const painted = [document.documentElement, document.body].filter((element) => element.classList.contains('bg-zinc-950'));
    for (const element of painted) element.classList.remove('bg-zinc-950');
    return () => {
      for (const element of painted) element.classList.add('bg-zinc-950');
    };
  }, []);
}

/**
 * /embed/:username/chat — the chat as an OBS browser source: transparent, large text, lines fading after
 * `?fade=` seconds (default 60, 0 = never), `?theme=light` for light scenes; reconnects by itself.
 */
export function EmbedChatRoute() {
  const { username = '' } = useParams();
  const [search] = useSearchParams();
  useTransparentPage();
  const { state } = useWatchedChannel(username);
  const fade = Number(search.get('fade') ?? DEFAULT_FADE_SECONDS);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <ChannelProblem error={state.error} username={username} />;
  const stream = state.data;
  return (
    <Suspense fallback={null}>
      <WatchRoom
        key={stream.username}
        layout="chat"
        stream={stream}
        onHostChange={() => undefined}
        sidebar={({ token }) => (
          <Suspense fallback={null}>
            <ChatOverlay
              hostId={stream.hostId}
              roomToken={token}
              initialSettings={stream.chat}
              theme={search.get('theme') === 'light' ? 'light' : 'dark'}
              fadeAfterSeconds={Number.isFinite(fade) && fade >= 0 ? fade : DEFAULT_FADE_SECONDS}
            />
          </Suspense>
        )}
      />
    </Suspense>
  );
}
