import { queryOptions } from '@tanstack/react-query';
import { getChannelReplays, getMyReplays, getReplay, getReplayChat } from './replays-api.ts';
import { replayKeys } from './replay-keys.ts';

export const replayQuery = (id: string, viewer: string) =>
  queryOptions({ queryKey: replayKeys.detail(id, viewer), queryFn: ({ signal }) => getReplay(id, signal) });

export const channelReplaysQuery = (username: string, viewer: string) =>
  queryOptions({
    queryKey: replayKeys.channelFor(username, viewer),
    queryFn: ({ signal }) => getChannelReplays(username, signal),
  });

export const myReplaysQuery = () => queryOptions({ queryKey: replayKeys.mine(), queryFn: ({ signal }) => getMyReplays(signal) });

export const replayChatQuery = (id: string) =>
  queryOptions({ queryKey: replayKeys.chat(id), queryFn: ({ signal }) => getReplayChat(id, signal) });
