import { StreamInfoForm } from '@/features/dashboard-stream/components/stream-info-form.tsx';
import { ScheduleForm } from '@/features/schedule/components/schedule-form.tsx';
import { EmbedCodes } from '@/features/dashboard-stream/components/embed-codes.tsx';
import { useDashboard } from './dashboard-layout.tsx';

export function DashboardStreamRoute() {
  const { user } = useDashboard();
  return (
    <section className="flex max-w-3xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Stream info</h1>
        <p className="text-sm text-zinc-400">
          What viewers see about your stream. Changes show up for them right away, even while you are live.
        </p>
      </div>
      <StreamInfoForm />
      <div className="mt-4">
        <h2 className="text-xl font-bold">Next stream</h2>
        <p className="text-sm text-zinc-400">
          Announce when you go live next: viewers see a countdown and can ask to be reminded.
        </p>
      </div>
      <ScheduleForm />
      <div className="mt-4">
        <h2 className="text-xl font-bold">On other sites</h2>
        <p className="text-sm text-zinc-400">Put your stream on your own site, and your chat into your OBS scene.</p>
      </div>
      <EmbedCodes username={user.displayUsername} origin={window.location.origin} />
    </section>
  );
}
