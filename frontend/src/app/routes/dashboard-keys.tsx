import { StreamKeys } from '@/features/dashboard-keys/components/stream-keys.tsx';

export function DashboardKeysRoute() {
  return (
    <section className="flex max-w-3xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Stream keys</h1>
        <p className="text-sm text-zinc-400">Go live from OBS or any software that speaks RTMP or WHIP.</p>
      </div>
      <StreamKeys />
    </section>
  );
}
