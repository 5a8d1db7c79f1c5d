/**
 * The HLS playlists of a recording. Each recorder (egress) writes an EVENT playlist of its own part, appending a
 * segment as it finishes it, so a crash leaves every finished segment listed; the backend composes the parts
 * into the one playlist players get, and places chat on the video's timeline from the parts' clocks.
 */

export type Segment = { uri: string; durationMs: number; programDateTime: Date | null };

/** A part's segments, from the playlist egress wrote (lines it does not know are skipped). */
export function parsePartPlaylist(text: string): Segment[] {
  const segments: Segment[] = [];
  let duration: number | null = null;
  let programDateTime: Date | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      const at = new Date(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length));
      programDateTime = Number.isNaN(at.getTime()) ? null : at;
    } else if (line.startsWith('#EXTINF:')) {
      const seconds = Number.parseFloat(line.slice('#EXTINF:'.length));
      duration = Number.isFinite(seconds) && seconds > 0 ? seconds : null;
    } else if (line && !line.startsWith('#')) {
      // Only a plain segment file name of this part: never a path or a URL (the playlist came from storage).
      if (duration !== null && SEGMENT_NAME.test(line))
        segments.push({ uri: line, durationMs: Math.round(duration * 1000), programDateTime });
      duration = null;
      programDateTime = null;
    }
  }
  return segments;
}

/** A part's name: the recorder's playlist is `<part>.m3u8`, its segments `<part>_00000.ts`. */
export const PART_NAME = /^p-[a-z0-9]{8,32}$/;
export const SEGMENT_NAME = /^p-[a-z0-9]{8,32}_\d{5,}\.ts$/;

export type TimelinePart = {
  /** Where the part starts on the video's timeline. */
  offsetMs: number;
  durationMs: number;
  /** The wall-clock time of the part's first frame. */
  startedAt: string;
};

export type ComposedRecording = {
  playlist: string;
  segmentCount: number;
  durationMs: number;
  timeline: TimelinePart[];
};

/**
 * One playlist for the whole recording: the parts in order, a discontinuity between two (each recorder starts its
 * own timestamps), and ENDLIST once the recording is finished; until then it is an EVENT playlist that grows.
 */
export function composeRecording(parts: Segment[][], finished: boolean): ComposedRecording {
  const recorded = parts.filter((segments) => segments.length > 0);
  const all = recorded.flat();
  const target = Math.max(1, ...all.map((segment) => Math.ceil(segment.durationMs / 1000)));
  const lines = ['#EXTM3U', '#EXT-X-VERSION:4', `#EXT-X-PLAYLIST-TYPE:${finished ? 'VOD' : 'EVENT'}`];
  lines.push(`#EXT-X-TARGETDURATION:${target}`, '#EXT-X-MEDIA-SEQUENCE:0');
  const timeline: TimelinePart[] = [];
  let offsetMs = 0;
  recorded.forEach((segments, index) => {
    if (index > 0) lines.push('#EXT-X-DISCONTINUITY');
    const durationMs = segments.reduce((sum, segment) => sum + segment.durationMs, 0);
    const startedAt = segments[0]!.programDateTime;
    if (startedAt) timeline.push({ offsetMs, durationMs, startedAt: startedAt.toISOString() });
    for (const segment of segments) {
      if (segment.programDateTime) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${segment.programDateTime.toISOString()}`);
      lines.push(`#EXTINF:${(segment.durationMs / 1000).toFixed(3)},`, segment.uri);
    }
    offsetMs += durationMs;
  });
  if (finished) lines.push('#EXT-X-ENDLIST');
  return { playlist: `${lines.join('\n')}\n`, segmentCount: all.length, durationMs: offsetMs, timeline };
}

/**
 * Where a moment of the broadcast is on the video: inside a part, at its place; in a gap between two recorders, at
 * the start of the next; before the first, at 0; after the last, at the end.
 */
export function offsetOnTimeline(timeline: TimelinePart[], at: Date): number {
  const time = at.getTime();
  for (const part of timeline) {
    const start = new Date(part.startedAt).getTime();
    if (time < start) return part.offsetMs;
    if (time < start + part.durationMs) return part.offsetMs + (time - start);
  }
  const last = timeline[timeline.length - 1];
  return last ? last.offsetMs + last.durationMs : 0;
}

/** Segments a live playlist lists: about 12 s at 2 s each — players start 3 segments from the end. */
export const LIVE_WINDOW_SEGMENTS = 6;

/**
 * A live (sliding window) playlist of the broadcast so far: its newest segments, numbered so a player that reloads
 * it every couple of seconds follows along (media sequence = segments before the window; a discontinuity, counted
 * in the discontinuity sequence, where one recorder took over from another). Segment URIs are prefixed with
 * `segmentBase`.
 */
export function composeLiveWindow(parts: Segment[][], segmentBase: string): { playlist: string; segmentCount: number } {
  const numbered = parts
    .filter((segments) => segments.length > 0)
    .flatMap((segments, part) => segments.map((segment) => ({ ...segment, part })));
  const window = numbered.slice(-LIVE_WINDOW_SEGMENTS);
  const target = Math.max(1, ...window.map((segment) => Math.ceil(segment.durationMs / 1000)));
  const lines = ['#EXTM3U', '#EXT-X-VERSION:4', `#EXT-X-TARGETDURATION:${target}`];
  lines.push(`#EXT-X-MEDIA-SEQUENCE:${numbered.length - window.length}`);
  lines.push(`#EXT-X-DISCONTINUITY-SEQUENCE:${window[0]?.part ?? 0}`);
  window.forEach((segment, index) => {
    if (index > 0 && segment.part !== window[index - 1]!.part) lines.push('#EXT-X-DISCONTINUITY');
    if (segment.programDateTime) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${segment.programDateTime.toISOString()}`);
    lines.push(`#EXTINF:${(segment.durationMs / 1000).toFixed(3)},`, `${segmentBase}${segment.uri}`);
  });
  return { playlist: `${lines.join('\n')}\n`, segmentCount: numbered.length };
}
