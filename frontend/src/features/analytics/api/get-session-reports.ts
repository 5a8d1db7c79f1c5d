import { client, unwrap, type Schema } from '@/lib/api-client.ts';

export type SessionReport = Schema<'SessionReport'>;

export const getSessionReports = (signal?: AbortSignal) =>
  unwrap(client.GET('/api/analytics/sessions', { params: { query: { limit: 20 } }, signal }));
