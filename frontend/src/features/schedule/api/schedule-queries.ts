import { queryOptions } from '@tanstack/react-query';
import { getChannelSchedule, getMySchedule, getUpcoming } from './schedule-api.ts';

/** The schedule feature's cache keys, from one factory. */
export const scheduleKeys = {
  all: ['schedule'] as const,
  channel: (username: string) => [...scheduleKeys.all, 'channel', username.toLowerCase()] as const,
  upcoming: () => [...scheduleKeys.all, 'upcoming'] as const,
  mine: () => [...scheduleKeys.all, 'mine'] as const,
};

export const channelScheduleQuery = (username: string) =>
  queryOptions({ queryKey: scheduleKeys.channel(username), queryFn: ({ signal }) => getChannelSchedule(username, signal) });

export const upcomingQuery = () =>
  queryOptions({ queryKey: scheduleKeys.upcoming(), queryFn: ({ signal }) => getUpcoming(signal) });

export const myScheduleQuery = () =>
  queryOptions({ queryKey: scheduleKeys.mine(), queryFn: ({ signal }) => getMySchedule(signal) });
