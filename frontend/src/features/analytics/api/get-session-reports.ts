import { api } from '@/lib/api-client.ts';

export type SessionReport = {
  id: string;
  startedAt: string;
  endedAt: string | null;
  isLive: boolean;
  durationSeconds: number;
  peakViewers: number;
  averageViewers: number;
  uniqueViewers: number;
  totalWatchSeconds: number;
  averageWatchSeconds: number;
  chatMessages: number;
};

export const getSessionReports = (signal?: AbortSignal) => api<{ items: SessionReport[] }>('/api/analytics/sessions?limit=20', { signal });
