import { ServerError } from 'livekit-server-sdk';
import { roomService } from '../../lib/livekit.ts';
import { logger } from '../../lib/logger.ts';
import { goOffline, markApplied, withLockedStream } from './live-state.service.ts';
import { stopRecording } from '../recordings/recorder.service.ts';
import { stopRestream } from '../restream/restream.service.ts';
import { revokeStreamKeys } from '../streams/streams.service.ts';

/** Takes the creator's publisher (browser or ingress: both join as the creator's user id) out of their room. */
async function removePublisher(hostId: string): Promise<void> {
  try {
    await roomService.removeParticipant(hostId, hostId);
  } catch (error) {
    // Not in the room, or no room: nothing to remove.
    if (!(error instanceof ServerError && error.code === 'not_found')) throw error;
  }
}

/**
 * Ends a creator's broadcasting at once, whatever LiveKit reports afterwards: every stream key stops working
 * (ingresses deleted), the publisher leaves the room (a browser's token may still be valid: a new attempt to go
 * live is refused by the webhook gate), the stream goes offline and its recording stops. For a revoked creator.
 */
export async function endBroadcasting(hostId: string): Promise<void> {
  await revokeStreamKeys(hostId);
  await removePublisher(hostId);
  let wentOffline = false;
  await withLockedStream(hostId, async (tx, stream) => {
    const at = new Date();
    wentOffline = await goOffline(tx, stream, at);
    // Later reports of what happened before now (LiveKit's own leave and unpublish events) change nothing.
    await markApplied(tx, stream, at);
  });
  if (wentOffline) {
    await stopRecording(hostId);
    await stopRestream(hostId);
  }
}

/** A broadcast by a creator who may not broadcast: stopped at the source, and never shown as live. */
export async function refuseBroadcast(hostId: string): Promise<void> {
  logger.warn({ hostId }, 'a creator who may not broadcast started publishing; removed from the room');
  await revokeStreamKeys(hostId);
  await removePublisher(hostId);
}
