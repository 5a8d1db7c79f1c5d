/** The size the recorder writes live pictures at (link previews and oEmbed state it). */
export const LIVE_SNAPSHOT_SIZE = { width: 640, height: 360 } as const;
