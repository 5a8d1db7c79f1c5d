import { RecordingSettingsForm } from '@/features/replays/components/recording-settings-form.tsx';
import { MyReplays } from '@/features/replays/components/my-replays.tsx';

export function DashboardRecordingsRoute() {
  return (
    <section className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Recordings</h1>
        <p className="text-sm text-zinc-400">Your broadcasts are recorded and kept as replays, watchable with their chat.</p>
      </div>
      <div className="rounded-xl border border-zinc-800 bg-zinc-900 px-4 sm:px-6">
        <h2 className="sr-only">Recording settings</h2>
        <RecordingSettingsForm />
      </div>
      <div className="flex flex-col rounded-xl border border-zinc-800 bg-zinc-900 p-4 sm:p-6">
        <h2 className="text-lg font-semibold">Your replays</h2>
        <MyReplays />
      </div>
    </section>
  );
}
