import { env } from '../../config/env.ts';
import { prisma } from '../../lib/prisma.ts';
import { liveSnapshotSelect, liveSnapshotUrl } from '../recordings/live-snapshots.service.ts';

export type LinkPreview = { title: string; description: string; image: string | null; url: string };

const absolute = (path: string) => new URL(path, env.PUBLIC_URL).toString();

/** What a shared /:username/live link shows in chat apps and social sites: the live picture when there is one. */
export async function livePagePreview(username: string): Promise<LinkPreview | undefined> {
  const user = await prisma.user.findUnique({
    where: { username: username.toLowerCase() },
    select: {
      displayUsername: true,
      name: true,
      image: true,
      stream: { select: { title: true, description: true, thumbnailUrl: true, isLive: true, ...liveSnapshotSelect } },
    },
  });
  if (!user) return undefined;
  const stream = user.stream;
  const snapshot = stream?.isLive ? liveSnapshotUrl(user.displayUsername, stream.sessions[0]?.replay) : null;
  const image = snapshot ?? stream?.thumbnailUrl ?? user.image;
  const state = stream?.isLive ? 'live now' : 'offline';
  return {
    title: stream?.title ? `${stream.title} · ${user.name} (${state})` : `${user.name} is ${state} on Streamhouse`,
    description: stream?.description || `Watch ${user.name} (@${user.displayUsername}) on Streamhouse.`,
    image: image ? absolute(image) : null,
    url: absolute(`/${encodeURIComponent(user.displayUsername)}/live`),
  };
}
