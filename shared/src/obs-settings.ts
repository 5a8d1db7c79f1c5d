/**
 * The encoder settings we recommend for OBS, per ingest protocol: the Stream keys page lists them and stream
 * health warns against them, so both read this one table.
 */

/** A video bitrate range in Kbps for a picture size, at up to 30 fps. */
export type BitrateRange = { label: string; minKbps: number; maxKbps: number };

/**
 * Recommended video bitrates by picture height (720p and 1080p as commonly advised for OBS; the smaller sizes
 * follow the same bits per pixel). Above 30 fps the range is 1.5× (twice the frames, not twice the bits).
 */
export const BITRATE_RANGES: readonly (BitrateRange & { maxHeight: number })[] = [
  { maxHeight: 360, label: '360p', minKbps: 600, maxKbps: 1200 },
  { maxHeight: 480, label: '480p', minKbps: 1000, maxKbps: 2000 },
  { maxHeight: 540, label: '540p', minKbps: 1500, maxKbps: 2500 },
  { maxHeight: 720, label: '720p', minKbps: 2500, maxKbps: 4000 },
  { maxHeight: Number.POSITIVE_INFINITY, label: '1080p', minKbps: 4500, maxKbps: 6000 },
];

const bitrateOf = (label: string) => {
  const range = BITRATE_RANGES.find((candidate) => candidate.label === label)!;
  return `${range.minKbps}–${range.maxKbps} Kbps`;
};

/** RTMP is re-encoded by the ingress (2 s is the usual RTMP GOP); WHIP is passed through, so viewers join on its keyframes. */
const RTMP_KEYFRAME_SECONDS = 2;
const WHIP_KEYFRAME_SECONDS = 1;

export type ObsProtocol = 'RTMP' | 'WHIP';
export type ObsSetting = { name: string; value: string };

export const OBS_SETTINGS: Record<ObsProtocol, { keyframeIntervalSeconds: number; output: readonly ObsSetting[] }> = {
  RTMP: {
    keyframeIntervalSeconds: RTMP_KEYFRAME_SECONDS,
    output: [
      { name: 'Video encoder', value: 'x264, or your GPU’s H.264 encoder (NVENC, QuickSync, AMF)' },
      { name: 'Rate control', value: 'CBR' },
      { name: 'Bitrate', value: `${bitrateOf('720p')} for 720p, ${bitrateOf('1080p')} for 1080p; 1.5× above 30 fps` },
      { name: 'Keyframe interval', value: `${RTMP_KEYFRAME_SECONDS} s` },
      { name: 'Profile / tune', value: 'main or high; tune zerolatency' },
      { name: 'Audio', value: 'AAC, 160 Kbps, 48 kHz' },
      { name: 'Video (Settings → Video)', value: '1280×720 or 1920×1080, 30 fps' },
    ],
  },
  WHIP: {
    keyframeIntervalSeconds: WHIP_KEYFRAME_SECONDS,
    output: [
      { name: 'Video encoder', value: 'x264, or your GPU’s H.264 encoder (NVENC, QuickSync, AMF)' },
      { name: 'Rate control', value: 'CBR' },
      { name: 'Bitrate', value: `${bitrateOf('720p')} (viewers get exactly what you send)` },
      { name: 'Keyframe interval', value: `${WHIP_KEYFRAME_SECONDS} s` },
      { name: 'Profile / tune', value: 'baseline or main; tune zerolatency; no B-frames (WebRTC cannot play them)' },
      { name: 'Audio', value: 'Opus, 48 kHz (OBS picks it for WHIP)' },
      { name: 'Video (Settings → Video)', value: '1280×720, 30 fps' },
    ],
  },
};
