import type { WebhookEvent } from 'livekit-server-sdk';
import { VIEWER_SOURCES, type ViewerSource } from '@streamhouse/contract';
import type { Prisma } from '../../generated/prisma/client.ts';
import { logger } from '../../lib/logger.ts';
import { webhookReceiver } from '../../lib/livekit.ts';
import { prisma } from '../../lib/prisma.ts';
import { AppError, unauthenticated } from '../../http/errors.ts';
import { goLive, goOffline, lockStream, markApplied, viewerJoined, viewerLeft } from './live-state.service.ts';
import { isViewer, readRoomState } from './room-state.service.ts';
import type { WebhookOutcome } from './live.schemas.ts';
import { removeRecordingsOf } from '../recordings/replay-retention.service.ts';
import { applyEgressUpdate } from '../recordings/egress-reports.service.ts';
import { settleAfterRecorderEnded, startRecording, stopRecording } from '../recordings/recorder.service.ts';
import { applyRestreamReport, startRestream, stopRestream } from '../restream/restream.service.ts';
import { Histogram } from 'prom-client';
import { metrics } from '../../lib/metrics.ts';
import { mayBroadcast } from '../eligibility/eligibility.service.ts';
import { refuseBroadcast } from './broadcast-control.service.ts';

const webhookLag = new Histogram({
  name: 'streamhouse_webhook_lag_seconds',
  help: 'Time from LiveKit raising an event (its createdAt, whole seconds) to this instance receiving it, by event',
  labelNames: ['event'] as const,
  buckets: [0.5, 1, 2, 5, 10, 30, 60, 300],
  registers: [metrics],
});

type Tx = Prisma.TransactionClient;

/** DisconnectReason.DUPLICATE_IDENTITY: the same viewer opened the stream again; their new connection stays. */
const DUPLICATE_IDENTITY = 2;

type Change =
  | { kind: 'live' }
  /** The host stopped something; offline unless LiveKit shows them still publishing (e.g. camera → screen). */
  | { kind: 'maybe-offline' }
  | { kind: 'offline' }
  | { kind: 'viewer-joined'; identity: string; source: ViewerSource | null }
  | { kind: 'viewer-left'; identity: string };

/** The source the viewer's token carried in its metadata (tokens.service.ts), if a known one. */
export function sourceOf(metadata: string | undefined): ViewerSource | null {
  if (!metadata) return null;
  try {
    const source = (JSON.parse(metadata) as { source?: unknown }).source;
    return VIEWER_SOURCES.find((known) => known === source) ?? null;
  } catch {
    return null;
  }
}

/** Which creator's stream (room name = user id) an event concerns, and what it means for it. */
function interpret(event: WebhookEvent): { hostId: string; change: Change } | undefined {
  const ingressRoom = event.ingressInfo?.roomName;
  const room = event.room?.name;
  const participant = event.participant;
  const identity = participant?.identity;
  switch (event.event) {
    case 'ingress_started':
      return ingressRoom ? { hostId: ingressRoom, change: { kind: 'live' } } : undefined;
    case 'ingress_ended':
      return ingressRoom ? { hostId: ingressRoom, change: { kind: 'maybe-offline' } } : undefined;
    case 'track_published':
      return room && identity === room ? { hostId: room, change: { kind: 'live' } } : undefined;
    case 'track_unpublished':
      return room && identity === room ? { hostId: room, change: { kind: 'maybe-offline' } } : undefined;
    case 'room_finished':
      return room ? { hostId: room, change: { kind: 'offline' } } : undefined;
    case 'participant_joined':
      return room && participant && isViewer(participant, room)
        ? {
            hostId: room,
            change: { kind: 'viewer-joined', identity: participant.identity, source: sourceOf(participant.metadata) },
          }
        : undefined;
    case 'participant_left':
    case 'participant_connection_aborted':
      return room && participant && isViewer(participant, room) && participant.disconnectReason !== DUPLICATE_IDENTITY
        ? { hostId: room, change: { kind: 'viewer-left', identity: participant.identity } }
        : undefined;
    default:
      return undefined;
  }
}

/** Checks the signature over the raw body (401 when missing or wrong), then reads the event. */
async function verify(rawBody: string, authorization: string | undefined): Promise<WebhookEvent> {
  try {
    return await webhookReceiver.receive(rawBody, authorization);
  } catch (error) {
    // receive() checks the signature before parsing, so a parse failure means a correctly signed but unreadable body.
    const unreadable = error instanceof SyntaxError || (error as Error).message.startsWith('cannot decode');
    if (unreadable) throw new AppError(400, 'BAD_REQUEST', 'The webhook body is not a LiveKit event.');
    throw unauthenticated('The webhook signature is missing or does not match the body.');
  }
}

/** How far ahead of this server's clock an event may claim to be (LiveKit and this server keep NTP time). */
const MAX_CLOCK_SKEW_MS = 5000;

/**
 * LiveKit stamps events in whole seconds. A time in the future is clamped to now plus a small skew: an event
 * dated next year would otherwise make every genuine event after it "stale", pinning the stream's state.
 */
export function eventTime(event: Pick<WebhookEvent, 'createdAt'>, now = Date.now()): Date {
  const claimed = event.createdAt > 0n ? Number(event.createdAt) * 1000 : now;
  return new Date(Number.isFinite(claimed) ? Math.min(claimed, now + MAX_CLOCK_SKEW_MS) : now);
}

/**
 * Applies a LiveKit webhook. The event id is stored in the same transaction as its effect, so a repeat is a
 * no-op and a failure (answered 5xx) leaves nothing behind for LiveKit's retry. Live-state events older than
 * the last one applied to the stream are ignored: ingress and room events travel in separate queues.
 */
export async function receiveLiveKitWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookOutcome> {
  const event = await verify(rawBody, authorization);
  if (!event.id) throw new AppError(400, 'BAD_REQUEST', 'The webhook event has no id.');
  const at = eventTime(event);
  if (event.createdAt > 0n) webhookLag.observe({ event: event.event }, Math.max(0, Date.now() - at.getTime()) / 1000);
  const firstDelivery = (tx: Tx) =>
    tx.webhookEvent.createMany({ data: [{ id: event.id, event: event.event, createdAt: at }], skipDuplicates: true });

  // Recorder reports (egress_started / _updated / _ended) carry their own ordering clock; the recordings module applies them.
  const egressInfo = event.egressInfo;
  if (egressInfo) {
    const outcome = await prisma.$transaction(async (tx) => {
      if ((await firstDelivery(tx)).count === 0) return 'duplicate';
      const replay = await applyEgressUpdate(tx, egressInfo);
      // An egress that records nothing of ours may be a broadcast's restream.
      return replay === 'ignored' ? applyRestreamReport(tx, egressInfo) : replay;
    });
    // A recorder that ended: the replay is finished, or a new recorder follows one that died.
    if (outcome === 'applied') await settleAfterRecorderEnded(egressInfo);
    if (outcome !== 'orphaned') return outcome;
    await removeRecordingsOf(egressInfo.roomName);
    return 'ignored';
  }

  const target = interpret(event);
  // A creator who may not broadcast (approval revoked) is taken off the air instead of made live.
  if (target?.change.kind === 'live' && !(await mayBroadcast(target.hostId))) {
    await refuseBroadcast(target.hostId);
    return (await firstDelivery(prisma)).count === 0 ? 'duplicate' : 'refused';
  }
  // LiveKit is asked before the transaction, so no row lock is held across a network call.
  const room =
    target && (target.change.kind === 'live' || target.change.kind === 'maybe-offline')
      ? await readRoomState(target.hostId)
      : undefined;

  let transition: 'live' | 'offline' | undefined;
  const outcome = await prisma.$transaction(async (tx): Promise<WebhookOutcome> => {
    const recorded = await firstDelivery(tx);
    if (recorded.count === 0) return 'duplicate';
    if (!target) return 'ignored';
    const stream = await lockStream(tx, target.hostId);
    if (!stream) return 'ignored';

    const { change } = target;
    if (change.kind === 'viewer-joined') {
      await viewerJoined(tx, stream, change.identity, at, change.source);
      return 'applied';
    }
    if (change.kind === 'viewer-left') {
      await viewerLeft(tx, stream, change.identity, at);
      return 'applied';
    }
    if (stream.lastEventAt && at < stream.lastEventAt) return 'stale';
    await markApplied(tx, stream, at);
    if (change.kind === 'live') {
      if (await goLive(tx, stream, at, room?.viewers ?? [])) transition = 'live';
    } else if (change.kind === 'offline' || !room?.hostPublishing) {
      if (await goOffline(tx, stream, at)) transition = 'offline';
    }
    return 'applied';
  });
  // After the commit: the recorder is a network call, and its outcome is kept on the replay, not in this answer.
  if (target && transition) await followTransition(target.hostId, transition);
  return outcome;
}

/** Starts or stops the broadcast's recording and its restream, each on its own; a failure is logged (recordings are
 * also corrected by the reconciliation). */
async function followTransition(hostId: string, transition: 'live' | 'offline'): Promise<void> {
  const live = transition === 'live';
  const steps = [
    ['recording', live ? startRecording : stopRecording],
    ['restream', live ? startRestream : stopRestream],
  ] as const;
  for (const [what, step] of steps) {
    try {
      await step(hostId);
    } catch (error) {
      logger.warn({ err: error, hostId, transition }, `the ${what} did not follow the live state`);
    }
  }
}
