// Runs in the page, not in Node (added with addInitScript after MEDIA_CLOCK_LAYOUT).
/* global document, AudioContext, RTCPeerConnection, AudioWorkletNode, GainNode, MediaStream, OscillatorNode */
/*
 * The media clock inside Chromium (layout and code in layout.ts):
 *  - createSource(): a canvas video track painted with the wall clock at 30 fps, and an audio track that plays a
 *    1 kHz tone burst exactly while the flash square is white;
 *  - useAsCameraAndMicrophone(): getUserMedia returns that source (the app's own go-live page publishes it);
 *  - publishWhip(url) and loopback(): a WHIP encoder, and a peer connection to itself with no server;
 *  - startReader(selector): reads every frame a <video> shows (requestVideoFrameCallback) and the audio onsets
 *    of the page's remote audio, in wall-clock ms.
 */
(() => {
  const L = globalThis.MEDIA_CLOCK_LAYOUT;
  // Every peer connection of the page, for its jitter-buffer statistics.
  const peerConnections = [];
  const NativePeerConnection = RTCPeerConnection;
  globalThis.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      peerConnections.push(this);
    }
  };
  const BITS = L.columns * L.rows;
  // performance.timeOrigin + now() and Date.now() are both the wall clock; this removes any drift between them.
  const wallClockOffset = () => Date.now() - (performance.timeOrigin + performance.now());
  const toWallClock = (highResTime, offset) => performance.timeOrigin + highResTime + offset;

  const clockBits = (ms) => {
    const low = ms % 2 ** 32;
    const bytes = [(low >>> 24) & 0xff, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff];
    bytes.push((bytes[0] ^ bytes[1] ^ bytes[2] ^ bytes[3] ^ 0x5a) & 0xff);
    return bytes.flatMap((byte) => [7, 6, 5, 4, 3, 2, 1, 0].map((bit) => (byte >> bit) & 1));
  };
  const isFlash = (ms) => ms % L.flashPeriodMs < L.flashMs;

  function paint(context, ms, frameIndex) {
    const grey = (value) => `rgb(${value},${value},${value})`;
    context.fillStyle = grey(96);
    context.fillRect(0, 0, L.width, L.height);
    context.fillStyle = grey(200);
    context.fillRect((frameIndex * 8) % (L.width - 40), L.block * 2 + 8, 40, L.height - L.block * 2 - 8);
    clockBits(ms).forEach((bit, index) => {
      context.fillStyle = bit ? grey(235) : grey(16);
      context.fillRect((index % L.columns) * L.block, Math.floor(index / L.columns) * L.block, L.block, L.block);
    });
    context.fillStyle = isFlash(ms) ? grey(235) : grey(16);
    context.fillRect(L.flash.x, L.flash.y, L.flash.size, L.flash.size);
  }

  /** The clock as a camera and microphone: a frame is captured the moment it is painted (captureStream(0)). */
  function createSource() {
    const canvas = document.createElement('canvas');
    canvas.width = L.width;
    canvas.height = L.height;
    const context = canvas.getContext('2d');
    const [videoTrack] = canvas.captureStream(0).getVideoTracks();
    const audioContext = new AudioContext({ sampleRate: L.audioSampleRate });
    const oscillator = new OscillatorNode(audioContext, { frequency: L.toneHz });
    const gain = new GainNode(audioContext, { gain: 0 });
    const destination = audioContext.createMediaStreamDestination();
    oscillator.connect(gain).connect(destination);
    oscillator.start();
    const [audioTrack] = destination.stream.getAudioTracks();
    const started = performance.now();
    let frameIndex = 0;
    let flashing = false;
    let timer;
    const tick = () => {
      const ms = Date.now();
      paint(context, ms, frameIndex);
      videoTrack.requestFrame();
      if (isFlash(ms) !== flashing) {
        flashing = !flashing;
        gain.gain.setValueAtTime(flashing ? 0.5 : 0, audioContext.currentTime);
      }
      frameIndex++;
      timer = setTimeout(tick, Math.max(0, started + (frameIndex * 1000) / L.fps - performance.now()));
    };
    tick();
    return {
      videoTrack,
      audioTrack,
      stream: new MediaStream([videoTrack, audioTrack]),
      stop() {
        clearTimeout(timer);
        videoTrack.stop();
        audioTrack.stop();
        void audioContext.close();
      },
    };
  }

  /** getUserMedia hands out clones of one clock source (the page may stop what it was given). */
  function useAsCameraAndMicrophone() {
    let source;
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      source ??= createSource();
      const tracks = [];
      if (constraints?.video) tracks.push(source.videoTrack.clone());
      if (constraints?.audio) tracks.push(source.audioTrack.clone());
      return new MediaStream(tracks);
    };
  }

  const iceGathered = (pc) =>
    new Promise((resolve) => {
      if (pc.iceGatheringState === 'complete') return resolve();
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
    });

  /** Publishes the clock to a WHIP endpoint (no trickle: loopback host candidates gather at once). */
  async function publishWhip(url) {
    const source = createSource();
    const pc = new RTCPeerConnection();
    pc.addTransceiver(source.videoTrack, { direction: 'sendonly', streams: [source.stream] });
    pc.addTransceiver(source.audioTrack, { direction: 'sendonly', streams: [source.stream] });
    await pc.setLocalDescription(await pc.createOffer());
    await iceGathered(pc);
    // Like OBS, try again when the ingress turns the session away (its error replies carry no CORS header,
    // so the browser only reports "Failed to fetch").
    let response;
    for (let attempt = 1; ; attempt++) {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/sdp' },
        body: pc.localDescription.sdp,
      }).catch((error) => error);
      if (response instanceof Response && response.ok) break;
      if (attempt === 5)
        throw new Error(
          `WHIP POST failed: ${response instanceof Response ? `${response.status} ${await response.text()}` : response}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
    const resource = response.headers.get('Location');
    globalThis.mediaClockWhip = {
      async stop() {
        if (resource) await fetch(new URL(resource, url), { method: 'DELETE' }).catch(() => undefined);
        pc.close();
        source.stop();
      },
    };
  }

  /** The floor: the clock through a peer connection to the same page (no server), shown in a new <video>. */
  async function loopback() {
    const source = createSource();
    const sender = new RTCPeerConnection();
    const receiver = new RTCPeerConnection();
    sender.onicecandidate = (event) => event.candidate && receiver.addIceCandidate(event.candidate);
    receiver.onicecandidate = (event) => event.candidate && sender.addIceCandidate(event.candidate);
    const remote = new MediaStream();
    receiver.ontrack = (event) => remote.addTrack(event.track);
    for (const track of source.stream.getTracks()) sender.addTrack(track, source.stream);
    await sender.setLocalDescription(await sender.createOffer());
    await receiver.setRemoteDescription(sender.localDescription);
    await receiver.setLocalDescription(await receiver.createAnswer());
    await sender.setRemoteDescription(receiver.localDescription);
    const video = document.createElement('video');
    video.dataset.testid = 'loopback-video';
    video.autoplay = true;
    video.playsInline = true;
    video.style.width = '640px';
    video.srcObject = remote;
    document.body.append(video);
    await video.play();
  }

  /** Decodes the code from an RGBA image of the whole frame; null when a bit is unreadable or the check fails. */
  function decode(image) {
    const { data, width, height } = image;
    const luma = (x, y) => {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) sum += data[((Math.round(y) + dy) * width + Math.round(x) + dx) * 4];
      return sum / 9;
    };
    const scaleX = width / L.width;
    const scaleY = height / L.height;
    const bits = [];
    for (let index = 0; index < BITS; index++) {
      const value = luma(
        ((index % L.columns) + 0.5) * L.block * scaleX,
        (Math.floor(index / L.columns) + 0.5) * L.block * scaleY,
      );
      if (value > 90 && value < 160) return { low: null, flash: false };
      bits.push(value >= 128 ? 1 : 0);
    }
    const bytes = [0, 1, 2, 3, 4].map((byte) => bits.slice(byte * 8, byte * 8 + 8).reduce((acc, bit) => (acc << 1) | bit, 0));
    const flash = luma((L.flash.x + L.flash.size / 2) * scaleX, (L.flash.y + L.flash.size / 2) * scaleY) >= 128;
    if (((bytes[0] ^ bytes[1] ^ bytes[2] ^ bytes[3] ^ 0x5a) & 0xff) !== bytes[4]) return { low: null, flash };
    return { low: ((bytes[0] << 24) >>> 0) + (bytes[1] << 16) + (bytes[2] << 8) + bytes[3], flash };
  }

  /** The painting time nearest before `at` whose low 32 bits are `low`. */
  const unwrap = (low, at) => {
    const behind = ((((Math.round(at) % 2 ** 32) - low) % 2 ** 32) + 2 ** 32) % 2 ** 32;
    return Math.round(at) - (behind > 2 ** 31 ? behind - 2 ** 32 : behind);
  };

  const ONSET_WORKLET = `
    registerProcessor('onset-detector', class extends AudioWorkletProcessor {
      lastLoud = -1;
      process(inputs) {
        const channel = inputs[0] && inputs[0][0];
        if (!channel) return true;
        for (let i = 0; i < channel.length; i++) {
          if (Math.abs(channel[i]) < 0.1) continue;
          const time = (currentFrame + i) / sampleRate;
          if (time - this.lastLoud > 0.3) this.port.postMessage(time);
          this.lastLoud = time;
        }
        return true;
      }
    });`;

  /** Audio onsets (wall-clock ms at the output) of one remote audio stream. */
  async function listenForOnsets(stream, onsets) {
    const context = new AudioContext();
    await context.audioWorklet.addModule(URL.createObjectURL(new Blob([ONSET_WORKLET], { type: 'text/javascript' })));
    const detector = new AudioWorkletNode(context, 'onset-detector', { numberOfOutputs: 1 });
    context.createMediaStreamSource(stream).connect(detector).connect(context.destination);
    const offset = wallClockOffset();
    detector.port.onmessage = ({ data: contextTime }) => {
      const stamp = context.getOutputTimestamp();
      onsets.push(toWallClock(stamp.performanceTime + (contextTime - stamp.contextTime) * 1000, offset));
    };
  }

  /** Total jitter-buffer delay (s) and emitted count per kind, over the page's incoming streams. */
  async function jitterBufferTotals() {
    const totals = { audio: { delay: 0, count: 0 }, video: { delay: 0, count: 0 } };
    for (const pc of peerConnections) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((stat) => {
        if (stat.type !== 'inbound-rtp' || !totals[stat.kind] || !stat.jitterBufferEmittedCount) return;
        totals[stat.kind].delay += stat.jitterBufferDelay;
        totals[stat.kind].count += stat.jitterBufferEmittedCount;
      });
    }
    return totals;
  }

  /**
   * Reads every frame shown by the <video> matching `selector` (re-attaching if the page replaces it) and the
   * audio onsets of the page's playing <audio>/<video> streams. Results accumulate in the returned object.
   */
  function startReader(selector) {
    const result = { frames: [], unreadable: 0, flashes: [], onsets: [] };
    const canvas = document.createElement('canvas');
    canvas.width = L.width / 2;
    canvas.height = L.height / 2;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const offset = wallClockOffset();
    let current = null;
    let lastFlash = false;
    const listened = new Set();
    const onFrame = (video) => (_now, metadata) => {
      if (video !== current) return;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { low, flash } = decode(context.getImageData(0, 0, canvas.width, canvas.height));
      const shownAt = toWallClock(metadata.expectedDisplayTime, offset);
      if (low === null) result.unreadable++;
      else {
        const sentAt = unwrap(low, shownAt);
        const receivedAt = metadata.receiveTime === undefined ? null : toWallClock(metadata.receiveTime, offset);
        result.frames.push({ sentAt, shownAt, receivedAt, width: metadata.width, height: metadata.height });
        if (flash && !lastFlash) result.flashes.push({ sentAt, shownAt });
      }
      lastFlash = flash;
      video.requestVideoFrameCallback(onFrame(video));
    };
    const attach = () => {
      const video = document.querySelector(selector);
      if (video && video !== current) {
        current = video;
        video.requestVideoFrameCallback(onFrame(video));
      }
      for (const element of document.querySelectorAll('audio, video')) {
        const stream = element.srcObject;
        if (!(stream instanceof MediaStream) || listened.has(stream) || !stream.getAudioTracks().length) continue;
        listened.add(stream);
        void listenForOnsets(stream, result.onsets);
      }
    };
    attach();
    result.timer = setInterval(attach, 100);
    result.jitterBuffersAtStart = jitterBufferTotals();
    /** Mean time (ms) a sample waited in the receiver's jitter buffer since the reader started, per kind. */
    result.jitterBuffers = async () => {
      const [start, end] = [await result.jitterBuffersAtStart, await jitterBufferTotals()];
      const mean = (kind) => ((end[kind].delay - start[kind].delay) / Math.max(1, end[kind].count - start[kind].count)) * 1000;
      return { audio: mean('audio'), video: mean('video') };
    };
    return result;
  }

  globalThis.mediaClock = { createSource, useAsCameraAndMicrophone, publishWhip, loopback, startReader };
})();
