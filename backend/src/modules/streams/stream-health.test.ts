import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { IngressInfo, IngressInput } from 'livekit-server-sdk';
import { healthWarnings, recommendedBitrate, type IngestSample } from '@streamhouse/contract';
import { createApp } from '../../app.ts';
import { signedInAgent } from '../../test/fixtures.ts';
import { describeIngress } from './stream-health.service.ts';

const app = createApp();
const codes = (sample: IngestSample) => healthWarnings(sample).map((warning) => warning.code);
const video = (width: number, height: number, bitrateKbps: number, framerate = 30) => ({ width, height, framerate, bitrateKbps });
const audio = { bitrateKbps: 160 };

describe('health warnings (against the OBS settings table)', () => {
  it('is quiet for the recommended settings', () => {
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 3000), audio })).toEqual([]);
    expect(codes({ protocol: 'RTMP', video: video(1920, 1080, 6000), audio })).toEqual([]);
    expect(codes({ protocol: 'WHIP', video: video(1920, 1080, 4500, 30), audio, keyframeIntervalSeconds: 1 })).toEqual([]);
  });

  it('warns about too low a bitrate for the resolution, naming the numbers', () => {
    const [warning, ...others] = healthWarnings({ protocol: 'RTMP', video: video(640, 360, 150), audio });
    expect(others).toEqual([]);
    expect(warning).toEqual({ code: 'BITRATE_LOW', message: expect.stringContaining('150 Kbps is too low for 640×360') });
    expect(warning!.message).toContain('600 Kbps–1,200 Kbps');
    expect(codes({ protocol: 'RTMP', video: video(1920, 1080, 2500), audio })).toEqual(['BITRATE_LOW']);
  });

  it('warns about too high a bitrate, with 10% tolerance around the range', () => {
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 4400), audio })).toEqual([]);
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 4401), audio })).toEqual(['BITRATE_HIGH']);
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 2250), audio })).toEqual([]);
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 2249), audio })).toEqual(['BITRATE_LOW']);
  });

  it('allows 1.5× the bitrate above 30 fps', () => {
    expect(recommendedBitrate(720, 60)).toEqual({ label: '720p', minKbps: 3750, maxKbps: 6000 });
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 6000, 60), audio })).toEqual([]);
  });

  it('says nothing about a bitrate not measured yet (0)', () => {
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 0), audio })).toEqual([]);
  });

  it('warns when audio or video is missing, the frame rate is choppy, or keyframes are too far apart', () => {
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 3000), audio: null })).toEqual(['AUDIO_MISSING']);
    expect(codes({ protocol: 'WHIP', video: null, audio })).toEqual(['NO_VIDEO']);
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 3000, 15), audio })).toEqual(['FRAMERATE_LOW']);
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 3000), audio, keyframeIntervalSeconds: 2 })).toEqual([]);
    expect(codes({ protocol: 'RTMP', video: video(1280, 720, 3000), audio, keyframeIntervalSeconds: 10 })).toEqual([
      'KEYFRAME_INTERVAL',
    ]);
    expect(codes({ protocol: 'WHIP', video: video(1280, 720, 3000), audio, keyframeIntervalSeconds: 2 })).toEqual([
      'KEYFRAME_INTERVAL',
    ]);
  });

  it('judges the browser by what holds its encoder back, not by the OBS bitrate table', () => {
    expect(codes({ protocol: 'BROWSER', video: video(1280, 720, 1700), audio })).toEqual([]);
    expect(codes({ protocol: 'BROWSER', video: video(1920, 1080, 2000, 15), audio })).toEqual([]);
    expect(codes({ protocol: 'BROWSER', video: video(640, 360, 300), audio, limitation: 'bandwidth' })).toEqual([
      'QUALITY_LIMITED',
    ]);
    expect(healthWarnings({ protocol: 'BROWSER', video: video(1280, 720, 1700), audio: null, limitation: 'cpu' })).toEqual([
      { code: 'AUDIO_MISSING', message: 'No microphone is on: viewers hear nothing.' },
      { code: 'QUALITY_LIMITED', message: expect.stringContaining('too busy') },
    ]);
  });
});

describe('the ingress state, translated', () => {
  const now = new Date('2026-11-30T12:00:00Z');

  it('reads codec, picture, frame rate and bitrate while publishing, with the warnings', () => {
    const ingress = new IngressInfo({
      ingressId: 'IN_x',
      inputType: IngressInput.RTMP_INPUT,
      state: {
        status: 2,
        startedAt: BigInt(now.getTime() - 60_000) * 1_000_000n,
        video: { mimeType: 'video/h264', width: 640, height: 360, framerate: 29.97, averageBitrate: 151_000 },
        audio: { mimeType: 'audio/opus', channels: 2, sampleRate: 48_000, averageBitrate: 160_000 },
      },
    });
    expect(describeIngress(ingress, now)).toEqual({
      type: 'RTMP',
      status: 'PUBLISHING',
      error: null,
      video: { codec: 'H264', width: 640, height: 360, framerate: 29.97, bitrateKbps: 151 },
      audio: { codec: 'OPUS', channels: 2, sampleRate: 48_000, bitrateKbps: 160 },
      startedAt: '2026-11-30T11:59:00.000Z',
      warnings: [{ code: 'BITRATE_LOW', message: expect.any(String) }],
      checkedAt: now.toISOString(),
    });
  });

  it('passes the ingress error text through, and reports no key as NONE', () => {
    const failed = new IngressInfo({ inputType: IngressInput.WHIP_INPUT, state: { status: 3, error: 'unsupported codec' } });
    expect(describeIngress(failed, now)).toMatchObject({
      type: 'WHIP',
      status: 'ERROR',
      error: 'unsupported codec',
      video: null,
      warnings: [],
    });
    expect(describeIngress(undefined, now)).toMatchObject({ type: null, status: 'NONE', warnings: [] });
  });

  it('does not warn about missing tracks while the input is still buffering', () => {
    const buffering = new IngressInfo({ inputType: IngressInput.RTMP_INPUT, state: { status: 1 } });
    expect(describeIngress(buffering, now)).toMatchObject({ status: 'BUFFERING', video: null, audio: null, warnings: [] });
  });
});

describe('GET /api/stream/health (real LiveKit ingress)', () => {
  it('needs a session', async () => {
    const response = await request(app).get('/api/stream/health');
    expect(response.status).toBe(401);
  });

  it("answers the owner's own ingress only: another user never sees it", async () => {
    const { agent } = await signedInAgent(app, 'health');
    expect((await agent.get('/api/stream/health')).body).toMatchObject({ type: null, status: 'NONE' });
    await agent.post('/api/stream/ingress').send({ type: 'RTMP' }).expect(201);
    const mine = await agent.get('/api/stream/health');
    expect(mine.status).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(mine.body).toMatchObject({ type: 'RTMP', status: 'INACTIVE', error: null, video: null, warnings: [] });

    const { agent: stranger } = await signedInAgent(app, 'healthx');
    const theirs = await stranger.get('/api/stream/health');
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ type: null, status: 'NONE' });
  });
});
