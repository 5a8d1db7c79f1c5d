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

const OPEN = new Set(['STARTING', 'RECORDING', 'PROCESSING']);
/** While a recording is in progress its row changes (recording → processing → ready): the list looks again. */
const IN_PROGRESS_REFRESH_MS = 5_000;

export const myReplaysQuery = () =>
  queryOptions({
    queryKey: replayKeys.mine(),
    queryFn: ({ signal }) => getMyReplays(signal),
    refetchInterval: (query) => (query.state.data?.items.some((item) => OPEN.has(item.status)) ? IN_PROGRESS_REFRESH_MS : false),
  });

export const replayChatQuery = (id: string) =>
  queryOptions({ queryKey: replayKeys.chat(id), queryFn: ({ signal }) => getReplayChat(id, signal) });
