/**
 * A child process holding creators who are live: each joins their room with the go-live page's publisher token and
 * publishes a microphone track (silent, so it costs next to nothing). LiveKit's webhooks then make the streams live
 * on the site exactly as a browser go-live does, and the reconcile job agrees, since LiveKit sees them publishing.
 */
import { AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource, dispose } from '@livekit/rtc-node';

export type LiveHostCommand = { cmd: 'go-live'; hosts: Array<{ wsUrl: string; token: string }> } | { cmd: 'stop' };
export type LiveHostReport = { event: 'live'; count: number } | { event: 'failed'; message: string };

const rooms: Room[] = [];
const report = (message: LiveHostReport) => process.send!(message);

async function goLive(wsUrl: string, token: string): Promise<void> {
  const room = new Room();
  await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
  rooms.push(room);
  const track = LocalAudioTrack.createAudioTrack('microphone', new AudioSource(48_000, 1));
  await room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
}

process.on('message', async (command: LiveHostCommand) => {
  try {
    if (command.cmd === 'go-live') {
      for (const host of command.hosts) await goLive(host.wsUrl, host.token);
      report({ event: 'live', count: rooms.length });
    } else {
      await Promise.all(rooms.map((room) => room.disconnect()));
      await dispose();
      process.disconnect?.();
    }
  } catch (error) {
    report({ event: 'failed', message: (error as Error).message });
  }
});
