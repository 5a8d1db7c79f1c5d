import { SessionReports } from '@/features/analytics/components/session-reports.tsx';

export function DashboardAnalyticsRoute() {
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Analytics</h1>
        <p className="text-sm text-zinc-400">
          Viewers and chat for each broadcast. Viewers are counted from when they join until they leave.
        </p>
      </div>
      <SessionReports />
    </section>
  );
}
