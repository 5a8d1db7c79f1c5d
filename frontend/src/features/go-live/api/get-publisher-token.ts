import { api } from '@/lib/api-client.ts';

export type PublisherToken = { token: string; identity: string; name: string; wsUrl: string };

export function getPublisherToken(): Promise<PublisherToken> {
  return api<PublisherToken>('/api/stream/publisher-token', { body: {} });
}
