import type { ReactNode } from 'react';
import type { PublicStream } from '../api/get-public-stream.ts';
import { Avatar } from '@/components/avatar.tsx';

/** What the player frame shows while nobody is live: the channel, its last title and a way to get notified. */
export function OfflineCard({
  stream,
  heading,
  message,
  actions,
}: {
  stream: PublicStream;
  heading: string;
  message: string;
  actions?: ReactNode;
}) {
  return (
    <div className="relative flex h-full items-center justify-center overflow-hidden bg-zinc-900">
      {stream.thumbnailUrl && (
        <img
          src={stream.thumbnailUrl}
          alt=""
          className="absolute inset-0 h-full w-full scale-110 object-cover opacity-25 blur-md"
        />
      )}
      {/* A phone's 16:9 frame is short: the avatar and the longer line only show from sm up. */}
      <div className="relative flex max-w-md flex-col items-center gap-2 px-6 text-center sm:gap-3">
        <span className="hidden sm:block">
          <Avatar url={stream.avatarUrl} name={stream.username} size="lg" />
        </span>
        <h2 className="text-lg font-bold text-white sm:text-xl">{heading}</h2>
        <p className="hidden text-sm text-zinc-300 sm:block">{message}</p>
        {stream.title && (
          <p className="line-clamp-1 text-xs text-zinc-400">
            Last stream: <span className="text-zinc-200">{stream.title}</span>
          </p>
        )}
        {actions}
      </div>
    </div>
  );
}
