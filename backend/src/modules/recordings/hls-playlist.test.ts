import { describe, expect, it } from 'vitest';
import { composeRecording, offsetOnTimeline, parsePartPlaylist } from './hls-playlist.ts';

/** A part playlist as egress v1.8.6 writes it (EVENT, a date per segment), cut off after its last segment. */
const part = (name: string, start: string, durations: number[], ended = false) => {
  let at = new Date(start).getTime();
  const lines = ['#EXTM3U', '#EXT-X-VERSION:4', '#EXT-X-PLAYLIST-TYPE:EVENT', '#EXT-X-ALLOW-CACHE:NO'];
  lines.push('#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:0');
  durations.forEach((seconds, index) => {
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(at).toISOString()}`, `#EXTINF:${seconds.toFixed(3)},`);
    lines.push(`${name}_${String(index).padStart(5, '0')}.ts`);
    at += seconds * 1000;
  });
  if (ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
};

describe('HLS recordings', () => {
  it('reads the segments a recorder finished, also from a playlist it never closed (a crash)', () => {
    const segments = parsePartPlaylist(part('p-aaaaaaaa', '2026-12-07T10:00:00.000Z', [2, 2, 1.5]));
    expect(segments.map((segment) => [segment.uri, segment.durationMs])).toEqual([
      ['p-aaaaaaaa_00000.ts', 2000],
      ['p-aaaaaaaa_00001.ts', 2000],
      ['p-aaaaaaaa_00002.ts', 1500],
    ]);
    expect(segments[1]!.programDateTime?.toISOString()).toBe('2026-12-07T10:00:02.000Z');
  });

  it('never takes a path or a URL from a stored playlist as a segment', () => {
    const tampered = '#EXTM3U\n#EXTINF:2.000,\n../../other/p-aaaaaaaa_00000.ts\n#EXTINF:2.000,\nhttps://evil.example/x.ts\n';
    expect(parsePartPlaylist(tampered)).toEqual([]);
  });

  it('joins the parts of a broadcast whose recorder was replaced, with a discontinuity, and ends it once finished', () => {
    const first = parsePartPlaylist(part('p-aaaaaaaa', '2026-12-07T10:00:00.000Z', [2, 2]));
    const second = parsePartPlaylist(part('p-bbbbbbbb', '2026-12-07T10:00:10.000Z', [2, 2, 2], true));
    const live = composeRecording([first, [], second], false);
    expect(live.playlist).toContain('#EXT-X-PLAYLIST-TYPE:EVENT');
    expect(live.playlist).not.toContain('#EXT-X-ENDLIST');

    const done = composeRecording([first, [], second], true);
    expect(done.segmentCount).toBe(5);
    expect(done.durationMs).toBe(10_000);
    expect(done.playlist.match(/#EXT-X-DISCONTINUITY/g)).toHaveLength(1);
    expect(done.playlist.indexOf('#EXT-X-DISCONTINUITY')).toBeGreaterThan(done.playlist.indexOf('p-aaaaaaaa_00001.ts'));
    expect(done.playlist.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    expect(done.playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(done.timeline).toEqual([
      { offsetMs: 0, durationMs: 4000, startedAt: '2026-12-07T10:00:00.000Z' },
      { offsetMs: 4000, durationMs: 6000, startedAt: '2026-12-07T10:00:10.000Z' },
    ]);
  });

  it('places a moment of the broadcast on the video: inside a part, in a gap (start of the next), before and after', () => {
    const { timeline } = composeRecording(
      [
        parsePartPlaylist(part('p-aaaaaaaa', '2026-12-07T10:00:00.000Z', [2, 2])),
        parsePartPlaylist(part('p-bbbbbbbb', '2026-12-07T10:00:10.000Z', [2, 2, 2])),
      ],
      true,
    );
    const at = (time: string) => offsetOnTimeline(timeline, new Date(`2026-12-07T${time}Z`));
    expect(at('09:59:58.000')).toBe(0);
    expect(at('10:00:03.000')).toBe(3000);
    expect(at('10:00:07.000')).toBe(4000);
    expect(at('10:00:11.500')).toBe(5500);
    expect(at('10:01:00.000')).toBe(10_000);
  });
});
