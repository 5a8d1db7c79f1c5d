import { env } from '../../config/env.ts';
import { notFound } from '../../http/errors.ts';
import { prisma } from '../../lib/prisma.ts';
import { escapeHtml } from './escape-html.ts';
import type { OEmbedVideo } from './oembed.schemas.ts';
import { liveSnapshotSelect, liveSnapshotUrl } from '../recordings/live-snapshots.service.ts';
import { LIVE_SNAPSHOT_SIZE } from '../recordings/snapshot-size.ts';

export type LinkPreview = {
  title: string;
  description: string;
  image: string | null;
  url: string;
  /** The creator's name as they show it, and their username as written in links. */
  author: string;
  channel: string;
  /** The live picture, whose size is known (an uploaded thumbnail's is not). */
  liveSnapshot: string | null;
  /** GET /api/oembed for this channel. */
  oEmbedUrl: string;
};

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
  const url = absolute(`/${encodeURIComponent(user.displayUsername)}/live`);
  return {
    title: stream?.title ? `${stream.title} · ${user.name} (${state})` : `${user.name} is ${state} on Streamhouse`,
    description: stream?.description || `Watch ${user.name} (@${user.displayUsername}) on Streamhouse.`,
    image: image ? absolute(image) : null,
    url,
    author: user.name,
    channel: user.displayUsername,
    liveSnapshot: snapshot ? absolute(snapshot) : null,
    oEmbedUrl: absolute(`/api/oembed?format=json&url=${encodeURIComponent(url)}`),
  };
}

/** A channel's address on this site: its watch page or its embed page (the username, as typed in the URL). */
export function channelOfUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(env.PUBLIC_URL).origin) return undefined;
  const path = /^\/(?:embed\/([^/]+)|([^/]+)\/live)\/?$/.exec(parsed.pathname);
  const username = path?.[1] ?? path?.[2];
  try {
    return username ? decodeURIComponent(username) : undefined;
  } catch {
    return undefined;
  }
}

const DEFAULT_WIDTH = 640;
/** Consumers re-read the title and live state at most this often. */
const OEMBED_CACHE_SECONDS = 300;

/** The oEmbed answer for a channel link: an iframe of /embed/:username, 16:9 within the consumer's limits. */
export async function oEmbedFor(url: string, limits: { maxWidth?: number; maxHeight?: number }): Promise<OEmbedVideo> {
  const username = channelOfUrl(url);
  const preview = username ? await livePagePreview(username) : undefined;
  if (!username || !preview) throw notFound('That URL is not a channel on this site.');
  const width = Math.min(DEFAULT_WIDTH, limits.maxWidth ?? DEFAULT_WIDTH, Math.floor(((limits.maxHeight ?? Infinity) * 16) / 9));
  const height = Math.round((width * 9) / 16);
  const channel = preview.channel;
  const src = absolute(`/embed/${encodeURIComponent(channel)}`);
  const html = `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(preview.author)} on Streamhouse" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>`;
  return {
    version: '1.0',
    type: 'video',
    provider_name: 'Streamhouse',
    provider_url: absolute('/'),
    title: preview.title,
    author_name: preview.author,
    author_url: absolute(`/${encodeURIComponent(channel)}`),
    html,
    width,
    height,
    // oEmbed wants a thumbnail's size with it: only the live picture's is known.
    ...(preview.liveSnapshot && {
      thumbnail_url: preview.liveSnapshot,
      thumbnail_width: LIVE_SNAPSHOT_SIZE.width,
      thumbnail_height: LIVE_SNAPSHOT_SIZE.height,
    }),
    cache_age: OEMBED_CACHE_SECONDS,
  };
}
