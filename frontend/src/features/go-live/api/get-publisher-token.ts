import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type PublisherToken = Schema<'RoomToken'>;

export function getPublisherToken(): Promise<PublisherToken> {
  return unwrap(client.POST('/api/stream/publisher-token'));
}
