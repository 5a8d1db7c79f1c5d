import { isSiteAddress } from './site-pages.ts';

/**
 * A creator's LiveKit room: its name is the creator's user id. These name who is in it and where the server
 * publishes on its data channel.
 */

/** The creator watching their own stream joins as `Host-{userId}`: not the publisher, and not a viewer. */
export const SELF_VIEW_IDENTITY_PREFIX = 'Host-';
export const selfViewIdentity = (userId: string) => `${SELF_VIEW_IDENTITY_PREFIX}${userId}`;

/** Anonymous viewers join as `guest-{timestamp}-{random}`. */
export const GUEST_IDENTITY_PREFIX = 'guest-';

/** Who counts as a viewer in a creator's room: neither the creator publishing nor the creator watching themselves. */
export const isViewerIdentity = (identity: string, hostId: string) =>
  identity !== hostId && identity !== selfViewIdentity(hostId);

/** Data-channel topics. Chat and settings are reliable; reactions are lossy (a lost one is not worth a retransmit). */
export const TOPICS = { chat: 'chat', settings: 'chat-settings', reaction: 'reaction' } as const;

/** Where a viewer opened a stream from; sent with the viewer token request and shown in the creator's analytics. */
export const VIEWER_SOURCES = ['HOME', 'SEARCH', 'PROFILE', 'FOLLOWING', 'DIRECT'] as const;
export type ViewerSource = (typeof VIEWER_SOURCES)[number];

/**
 * The source for a viewer who opened a stream from in-app page `from` (a pathname): undefined `from` means they
 * arrived from outside (a shared link, a bookmark) = DIRECT; other pages of the site (dashboard, replays) = none.
 */
export function viewerSourceOf(from: string | undefined): ViewerSource | undefined {
  if (from === undefined) return 'DIRECT';
  if (from === '/') return 'HOME';
  if (from === '/search') return 'SEARCH';
  if (from === '/following') return 'FOLLOWING';
  const segments = from.split('/').filter(Boolean);
  if (segments.length === 1 && !isSiteAddress(segments[0]!)) return 'PROFILE';
  return undefined;
}
