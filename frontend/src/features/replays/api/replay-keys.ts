/** The replays feature's cache keys, from one factory. */
export const replayKeys = {
  all: ['replays'] as const,
  settings: () => [...replayKeys.all, 'settings'] as const,
  channel: (username: string) => [...replayKeys.all, 'channel', username] as const,
};
