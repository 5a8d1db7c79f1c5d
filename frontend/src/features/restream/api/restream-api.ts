import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type RestreamDestination = Schema<'RestreamDestination'>;
export type RestreamDestinations = Schema<'RestreamDestinations'>;
export type NewDestination = { name: string; url: string; streamKey: string };

const destination = (id: string) => ({ params: { path: { id } } });

export const getDestinations = (signal?: AbortSignal) => unwrap(client.GET('/api/restream/destinations', { signal }));

export const addDestination = (body: NewDestination) => unwrap(client.POST('/api/restream/destinations', { body }));

export const setDestinationEnabled = (id: string, enabled: boolean) =>
  unwrap(client.PATCH('/api/restream/destinations/{id}', { ...destination(id), body: { enabled } }));

export const removeDestination = (id: string) => unwrap(client.DELETE('/api/restream/destinations/{id}', destination(id)));
