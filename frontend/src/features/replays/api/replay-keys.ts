/** The replays feature's cache keys, from one factory. `viewer` keeps answers that depend on who asks apart. */
export const replayKeys = {
  all: ['replays'] as const,
  settings: () => [...replayKeys.all, 'settings'] as const,
  mine: () => [...replayKeys.all, 'mine'] as const,
  channel: (username: string) => [...replayKeys.all, 'channel', username] as const,
  channelFor: (username: string, viewer: string) => [...replayKeys.channel(username), 'viewer', viewer] as const,
  detail: (id: string, viewer: string) => [...replayKeys.all, 'detail', id, viewer] as const,
  chat: (id: string) => [...replayKeys.all, 'chat', id] as const,
};
