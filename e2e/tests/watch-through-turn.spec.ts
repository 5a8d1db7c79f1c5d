import { test, expect } from '../support/test.ts';
import { expectVideoPlaying } from '../support/video.ts';
import { goLiveFromBrowser } from '../support/go-live.ts';

test('a viewer whose network allows only relayed media still gets video, through LiveKit’s TURN server', async ({
  browser,
  users,
}) => {
  test.setTimeout(90_000);
  const creatorContext = await browser.newContext();
  const creator = await users.signUp(creatorContext.request, 'relayed');
  await goLiveFromBrowser(await creatorContext.newPage());

  // Like a network that blocks direct UDP and TCP to the server: every connection the page makes may use only
  // relay candidates (iceTransportPolicy 'relay'), which only the TURN server LiveKit announces can provide.
  const viewerContext = await browser.newContext();
  await viewerContext.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const created: RTCPeerConnection[] = [];
    (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections = created;
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super({ ...configuration, iceTransportPolicy: 'relay' });
        created.push(this);
      }
      // The client sets its configuration again once LiveKit has sent its ICE servers.
      override setConfiguration(configuration?: RTCConfiguration) {
        super.setConfiguration({ ...configuration, iceTransportPolicy: 'relay' });
      }
    } as typeof RTCPeerConnection;
  });
  const viewer = await viewerContext.newPage();
  await viewer.goto(`/${creator.username}/live`);
  await expectVideoPlaying(viewer.getByTestId('host-video'));

  // The media really goes through the relay: the connection carrying the video uses a relay candidate.
  const candidateTypes = await viewer.evaluate(async () => {
    const types: string[] = [];
    for (const connection of (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections) {
      const stats = [...(await connection.getStats()).values()] as Array<Record<string, unknown>>;
      const pair = stats.find((entry) => entry.type === 'candidate-pair' && entry.nominated && entry.state === 'succeeded');
      const local = pair && stats.find((entry) => entry.id === pair.localCandidateId);
      if (local && Number(pair!.bytesReceived) > 0) types.push(String(local.candidateType));
    }
    return types;
  });
  expect(candidateTypes.length).toBeGreaterThan(0);
  expect(new Set(candidateTypes)).toEqual(new Set(['relay']));
  await viewerContext.close();
  await creatorContext.close();
});
