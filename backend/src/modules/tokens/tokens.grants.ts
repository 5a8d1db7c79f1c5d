import type { VideoGrant } from 'livekit-server-sdk';

/**
 * Every LiveKit role in one table. Chat goes through the backend (which checks the rules and calls
 * sendData), so no role may publish data itself; only the creator's publisher may publish media.
 */
export const GRANTS = {
  /** The creator going live from the browser; identity = user id. */
  creatorPublisher: { canPublish: true, canSubscribe: true, canPublishData: false },
  /** The creator watching their own stream; identity `Host-{userId}`. */
  creatorSelfView: { canPublish: false, canSubscribe: true, canPublishData: false },
  /** A signed-in viewer; identity = user id. */
  viewer: { canPublish: false, canSubscribe: true, canPublishData: false },
  /** An anonymous viewer; identity `guest-{timestamp}-{random}`. */
  guest: { canPublish: false, canSubscribe: true, canPublishData: false },
} as const satisfies Record<string, Pick<VideoGrant, 'canPublish' | 'canSubscribe' | 'canPublishData'>>;

export type TokenRole = keyof typeof GRANTS;
