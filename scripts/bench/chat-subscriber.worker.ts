/**
 * A child process of chat.bench.ts that holds some of the room's subscribers (@livekit/rtc-node
 * participants) and reports, over IPC, when each one receives each chat message. Spreading subscribers over
 * processes keeps one Node.js event loop from becoming the bottleneck being measured.
 */
import { performance } from 'node:perf_hooks';
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';

/** `report: false` joins participants that only need to be in the room (senders), without an IPC message per chat message. */
export type WorkerCommand = { cmd: 'join'; wsUrl: string; tokens: string[]; report: boolean } | { cmd: 'leave' };
export type WorkerReport =
  { event: 'joined'; joined: number; failed: number } | { event: 'got'; body: string; at: number } | { event: 'left' };

const JOIN_BATCH = 5;
const rooms: Room[] = [];
const decoder = new TextDecoder();
const report = (message: WorkerReport) => process.send!(message);

// rtc-node's native handles sometimes fail to drop after a failed join; that must not end the other subscribers.
process.on('uncaughtException', (error) => console.error(`subscriber worker: ${error.message}`));

async function join(wsUrl: string, token: string, reportMessages: boolean): Promise<boolean> {
  const room = new Room();
  if (reportMessages)
    room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      // Wall-clock milliseconds with sub-millisecond precision, comparable across processes.
      const at = performance.timeOrigin + performance.now();
      if (topic !== 'chat' || participant) return;
      const event = JSON.parse(decoder.decode(payload)) as {
        type: string;
        message?: { body: string };
        messages?: Array<{ body: string }>;
      };
      // One message, or a batch the server coalesced.
      if (event.type === 'message' && event.message) report({ event: 'got', body: event.message.body, at });
      if (event.type === 'messages') for (const message of event.messages ?? []) report({ event: 'got', body: message.body, at });
    });
  try {
    await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
    rooms.push(room);
    return true;
  } catch {
    return false;
  }
}

process.on('message', async (command: WorkerCommand) => {
  if (command.cmd === 'join') {
    let joined = 0;
    for (let start = 0; start < command.tokens.length; start += JOIN_BATCH) {
      const results = await Promise.all(
        command.tokens.slice(start, start + JOIN_BATCH).map((token) => join(command.wsUrl, token, command.report)),
      );
      joined += results.filter(Boolean).length;
    }
    report({ event: 'joined', joined, failed: command.tokens.length - joined });
  } else {
    await Promise.all(rooms.map((room) => room.disconnect()));
    await dispose();
    report({ event: 'left' });
    process.disconnect?.();
  }
});
