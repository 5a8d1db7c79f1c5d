import { StreamInfoForm } from '@/features/dashboard-stream/components/stream-info-form.tsx';

export function DashboardStreamRoute() {
  return (
    <section className="flex max-w-3xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Stream info</h1>
        <p className="text-sm text-zinc-400">What viewers see about your stream. Changes show up for them right away, even while you are live.</p>
      </div>
      <StreamInfoForm />
    </section>
  );
}
