import { RestreamDestinations } from '@/features/restream/components/restream-destinations.tsx';
import { useDashboard } from './dashboard-layout.tsx';

export function DashboardRestreamRoute() {
  const { status } = useDashboard();
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <title>Restream · Streamhouse</title>
      <div>
        <h1 className="text-2xl font-bold">Restream</h1>
        <p className="text-sm text-zinc-400">
          Send your broadcast to other platforms at the same time (Twitch, YouTube or any RTMP server). Each one starts and stops
          with your stream; changes here apply from your next broadcast.
        </p>
      </div>
      <div className="rounded-xl border border-zinc-800 bg-zinc-900 p-4 sm:p-6">
        <h2 className="sr-only">Destinations</h2>
        <RestreamDestinations live={status.status === 'ready' && status.data.isLive} />
      </div>
    </section>
  );
}
