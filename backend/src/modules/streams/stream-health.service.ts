import { IngressInput, type IngressInfo } from 'livekit-server-sdk';
import { healthWarnings } from '@streamhouse/contract';
import { ingressClient } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { AppError } from '../../http/errors.ts';
import type { StreamHealth } from './streams.schemas.ts';

/** livekit.IngressState.Status (ENDPOINT_INACTIVE = 0 … ENDPOINT_COMPLETE = 4); the SDK does not export the enum. */
const STATUS: readonly StreamHealth['status'][] = ['INACTIVE', 'BUFFERING', 'PUBLISHING', 'ERROR', 'COMPLETE'];
const PUBLISHING = 2;

/** "video/H264" → "H264"; LiveKit reports MIME types. */
const codecOf = (mimeType: string) => mimeType.split('/').at(-1)?.toUpperCase() || 'unknown';
const toKbps = (bitsPerSecond: number) => Math.round(bitsPerSecond / 1000);
const NOT_STREAMING = { video: null, audio: null, startedAt: null, warnings: [] };

/** What the health panel shows for one ingress: its state translated, plus the warnings while it publishes. */
export function describeIngress(ingress: IngressInfo | undefined, now = new Date()): StreamHealth {
  const checkedAt = now.toISOString();
  if (!ingress) return { type: null, status: 'NONE', error: null, ...NOT_STREAMING, checkedAt };
  const type = ingress.inputType === IngressInput.WHIP_INPUT ? 'WHIP' : 'RTMP';
  const state = ingress.state;
  const status = (state && STATUS[state.status]) ?? 'INACTIVE';
  const error = state?.error ? state.error : null;
  if (!state || (status !== 'PUBLISHING' && status !== 'BUFFERING')) return { type, status, error, ...NOT_STREAMING, checkedAt };
  const video =
    state.video && state.video.mimeType
      ? {
          codec: codecOf(state.video.mimeType),
          width: state.video.width,
          height: state.video.height,
          framerate: Math.round(state.video.framerate * 100) / 100,
          bitrateKbps: toKbps(state.video.averageBitrate),
        }
      : null;
  const audio =
    state.audio && state.audio.mimeType
      ? {
          codec: codecOf(state.audio.mimeType),
          channels: state.audio.channels,
          sampleRate: state.audio.sampleRate,
          bitrateKbps: toKbps(state.audio.averageBitrate),
        }
      : null;
  // While buffering the input is still being probed: a missing track is not a problem yet.
  const warnings = status === 'PUBLISHING' ? healthWarnings({ protocol: type, video, audio }) : [];
  const startedAt = state.startedAt > 0n ? new Date(Number(state.startedAt / 1_000_000n)).toISOString() : null;
  return { type, status, error, video, audio, startedAt, warnings, checkedAt };
}

/**
 * The creator's ingest health, read from LiveKit (not the database): the ingress publishing into the creator's
 * room (room = user id), so it can only ever be the caller's own.
 */
export async function getStreamHealth(userId: string): Promise<StreamHealth> {
  let ingresses: IngressInfo[];
  try {
    ingresses = await ingressClient.listIngress({ roomName: userId });
  } catch (error) {
    logger.warn({ err: error }, 'LiveKit listIngress failed');
    throw new AppError(503, 'UPSTREAM_FAILED', 'Stream health is unavailable right now (the ingress service did not answer).');
  }
  // A new key deletes the old ingress, but prefer the one actually sending if two briefly exist.
  const active = ingresses.find((each) => each.state?.status === PUBLISHING) ?? ingresses[0];
  return describeIngress(active);
}
