/**
 * Stream health rules: what the dashboard warns about, measured against the OBS settings table (obs-settings.ts).
 * Pure (no I/O), shared so the OBS health panel (fed by LiveKit's ingress state on the server) and the browser
 * go-live page (fed by the publisher's own WebRTC stats) judge a stream by the same numbers.
 */

import { BITRATE_RANGES, OBS_SETTINGS, type BitrateRange } from './obs-settings.ts';

export type IngestProtocol = 'RTMP' | 'WHIP' | 'BROWSER';

/** What is known about the incoming stream; a 0 bitrate or a null field means "not measured yet". */
export type IngestSample = {
  protocol: IngestProtocol;
  video: { width: number; height: number; framerate: number; bitrateKbps: number } | null;
  audio: { bitrateKbps: number } | null;
  /** Seconds between keyframes, when the source reports it (LiveKit's ingress state does not). */
  keyframeIntervalSeconds?: number | null;
  /** What the browser says holds its encoder back (WebRTC's qualityLimitationReason), if anything. */
  limitation?: 'bandwidth' | 'cpu' | null;
};

export type HealthWarningCode =
  'NO_VIDEO' | 'AUDIO_MISSING' | 'BITRATE_LOW' | 'BITRATE_HIGH' | 'FRAMERATE_LOW' | 'KEYFRAME_INTERVAL' | 'QUALITY_LIMITED';
export type HealthWarning = { code: HealthWarningCode; message: string };

/** Measured averages wobble around a CBR target: only warn 10% outside the range. */
export const BITRATE_TOLERANCE = 0.1;
export const MIN_FRAMERATE = 24;
/** OBS's keyframe interval from the settings table; the browser's is LiveKit's own (1 s). */
export const KEYFRAME_INTERVAL_SECONDS: Record<IngestProtocol, number> = {
  RTMP: OBS_SETTINGS.RTMP.keyframeIntervalSeconds,
  WHIP: OBS_SETTINGS.WHIP.keyframeIntervalSeconds,
  BROWSER: 1,
};

export function recommendedBitrate(height: number, framerate: number): BitrateRange {
  const range = BITRATE_RANGES.find((candidate) => height <= candidate.maxHeight)!;
  const factor = framerate > 31 ? 1.5 : 1;
  return { label: range.label, minKbps: range.minKbps * factor, maxKbps: range.maxKbps * factor };
}

const kbps = (value: number) => `${Math.round(value).toLocaleString('en-US')} Kbps`;

/** The warnings for one measurement, most important first; empty when the stream looks right. */
export function healthWarnings(sample: IngestSample): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  const { video, audio, protocol } = sample;
  if (!video) {
    warnings.push({
      code: 'NO_VIDEO',
      message:
        protocol === 'BROWSER'
          ? 'No picture is being sent: pick a camera or share your screen.'
          : 'No video is coming in: check the video source in OBS.',
    });
  }
  if (!audio) {
    warnings.push({
      code: 'AUDIO_MISSING',
      message:
        protocol === 'BROWSER'
          ? 'No microphone is on: viewers hear nothing.'
          : 'No audio is coming in: add an audio source in OBS, or viewers hear nothing.',
    });
  }
  // The browser picks its own bitrate (LiveKit's presets, lowered under congestion): judge it by what holds it back.
  if (protocol === 'BROWSER' && sample.limitation) {
    warnings.push({
      code: 'QUALITY_LIMITED',
      message:
        sample.limitation === 'bandwidth'
          ? 'Your upload is too slow for full quality: the browser is sending a lower bitrate or resolution. Close other uploads, or use a wired connection.'
          : 'Your computer is too busy to encode at full quality: close other heavy tabs or apps.',
    });
  }
  if (video && video.height > 0 && protocol !== 'BROWSER') {
    const range = recommendedBitrate(video.height, video.framerate);
    const size = `${video.width}×${video.height}`;
    if (video.bitrateKbps > 0 && video.bitrateKbps < range.minKbps * (1 - BITRATE_TOLERANCE)) {
      warnings.push({
        code: 'BITRATE_LOW',
        message: `Video bitrate ${kbps(video.bitrateKbps)} is too low for ${size}: viewers see a blurry, blocky picture. Aim for ${kbps(range.minKbps)}–${kbps(range.maxKbps)}, or lower the resolution.`,
      });
    } else if (video.bitrateKbps > range.maxKbps * (1 + BITRATE_TOLERANCE)) {
      warnings.push({
        code: 'BITRATE_HIGH',
        message: `Video bitrate ${kbps(video.bitrateKbps)} is higher than ${size} needs (${kbps(range.minKbps)}–${kbps(range.maxKbps)}): viewers on slow connections may buffer. Lower it in OBS → Settings → Output.`,
      });
    }
  }
  // The browser's screen share runs at 15 fps on purpose; its CPU trouble shows up as QUALITY_LIMITED.
  if (video && protocol !== 'BROWSER' && video.framerate > 0 && video.framerate < MIN_FRAMERATE) {
    warnings.push({
      code: 'FRAMERATE_LOW',
      message: `${Math.round(video.framerate)} frames per second looks choppy: send at least 30 (OBS → Settings → Video).`,
    });
  }
  const keyframes = sample.keyframeIntervalSeconds;
  const wanted = KEYFRAME_INTERVAL_SECONDS[protocol];
  if (keyframes != null && keyframes > wanted + 0.5) {
    warnings.push({
      code: 'KEYFRAME_INTERVAL',
      message: `A keyframe every ${keyframes} s makes viewers wait to join: set the keyframe interval to ${wanted} s.`,
    });
  }
  return warnings;
}
