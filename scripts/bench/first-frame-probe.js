// Runs in the page (added with addInitScript): timestamps the steps to the first frame.
/* global document, RTCPeerConnection */
/*
 * Everything in performance.now() ms since navigation start:
 *   signalling: the LiveKit WebSocket (/rtc) opens, and its first message (the join response) arrives;
 *   media: the first peer connection reaches "connected" (ICE + DTLS), a video track arrives;
 *   videoElement: the player's <video> is in the page; firstFrame: the first frame it shows
 *   (requestVideoFrameCallback).
 * Resource timings (HTML, chunks, token) are read from the Performance API when the report is taken.
 */
(() => {
  const marks = {};
  const mark = (name) => (marks[name] ??= performance.now());

  const NativeWebSocket = WebSocket;
  globalThis.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      if (!String(args[0]).includes('/rtc')) return;
      mark('signallingStart');
      this.addEventListener('open', () => mark('signallingOpen'));
      this.addEventListener('message', () => mark('joined'));
    }
  };

  const NativePeerConnection = RTCPeerConnection;
  globalThis.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      mark('peerConnectionCreated');
      this.addEventListener('connectionstatechange', () => this.connectionState === 'connected' && mark('mediaConnected'));
      this.addEventListener('track', (event) => event.track.kind === 'video' && mark('videoTrack'));
    }
  };

  // The player's <video> appears once React has rendered the room and the host's track.
  const watchFirstFrame = () => {
    const video = document.querySelector('[data-testid="host-video"]');
    if (!video) return void setTimeout(watchFirstFrame, 5);
    mark('videoElement');
    video.requestVideoFrameCallback(() => {
      mark('firstFrame');
      console.debug('first-frame');
    });
  };
  watchFirstFrame();

  globalThis.firstFrameReport = () => {
    const resources = performance.getEntriesByType('resource');
    const end = (test) => resources.find((entry) => test(entry.name))?.responseEnd;
    const start = (test) => resources.find((entry) => test(entry.name))?.startTime;
    const navigation = performance.getEntriesByType('navigation')[0];
    return {
      ...marks,
      html: navigation.responseEnd,
      appScript: end((name) => /\/assets\/index-[\w-]+\.js$/.test(name)),
      livekitChunk: end((name) => /\/assets\/livekit-client[\w.-]*\.js$/.test(name)),
      tokenStart: start((name) => name.endsWith('/api/viewer/token')),
      token: end((name) => name.endsWith('/api/viewer/token')),
    };
  };
})();
