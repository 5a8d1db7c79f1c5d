import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths.ts';
import { Avatar } from '@/components/avatar.tsx';
import { useServerState } from '@/lib/use-server-state.ts';
import { type ReplayDetails } from '../api/replays-api.ts';
import { formatClock } from '@/lib/format-time.ts';
import { formatRecordedAt } from '../format.ts';
import { ReplayChat } from './replay-chat.tsx';
import { replayChatQuery } from '../api/replay-queries.ts';
import { useHlsSource } from '../hooks/use-hls-source.ts';

/** A past broadcast: the video (seekable), what it was, and its chat in step with the video. */
export function ReplayView({ replay }: { replay: ReplayDetails }) {
  const [positionMs, setPositionMs] = useState(0);
  const chat = useServerState(replayChatQuery(replay.id));
  const track = (video: HTMLVideoElement) => setPositionMs(video.currentTime * 1000);
  const video = useHlsSource(replay.mediaUrl, replay.mediaType);
  return (
    <div className="mx-auto flex w-full max-w-screen-2xl flex-col gap-4 sm:p-4 lg:flex-row">
      <title>{`${replay.title || 'Replay'} · ${replay.displayName} · Streamhouse`}</title>
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="aspect-video w-full overflow-hidden bg-black sm:rounded-xl">
          <video
            data-testid="replay-video"
            ref={video}
            poster={replay.thumbnailUrl ?? undefined}
            controls
            playsInline
            preload="metadata"
            className="h-full w-full"
            onTimeUpdate={(event) => track(event.currentTarget)}
            onSeeked={(event) => track(event.currentTarget)}
          >
            <track kind="captions" />
          </video>
        </div>
        <div className="flex flex-col gap-3 px-4 sm:px-0">
          <div className="flex items-start gap-3">
            <Link to={paths.profile.to(replay.username)} className="shrink-0">
              <Avatar url={replay.avatarUrl} name={replay.username} />
            </Link>
            <div className="min-w-0">
              <h1 className="text-lg font-bold break-words text-zinc-50 sm:text-xl">{replay.title || 'Untitled stream'}</h1>
              <p className="text-sm text-zinc-400">
                <Link to={paths.profile.to(replay.username)} className="font-semibold text-zinc-200 hover:text-accent-400">
                  {replay.displayName}
                </Link>
                <span aria-hidden="true"> · </span>
                <span>
                  Streamed <time dateTime={replay.recordedAt}>{formatRecordedAt(replay.recordedAt)}</time>
                </span>
                <span aria-hidden="true"> · </span>
                <span data-testid="replay-duration">{formatClock(replay.durationMs)}</span>
              </p>
            </div>
          </div>
        </div>
      </div>
      <aside
        aria-label="Chat replay"
        className="flex h-[24rem] shrink-0 flex-col overflow-hidden border-zinc-800 lg:h-[calc(100dvh-6rem)] lg:w-[22rem] lg:rounded-xl lg:border"
      >
        <ReplayChat
          messages={chat.state.status === 'ready' ? chat.state.data : []}
          positionMs={positionMs}
          state={chat.state.status}
        />
      </aside>
    </div>
  );
}
