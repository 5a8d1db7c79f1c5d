import { useId } from 'react';
import { LoadFallback } from '@/components/load-fallback.tsx';
import { SaveStatus } from '@/components/save-status.tsx';
import { ToggleField } from '@/components/toggle-field.tsx';
import { useAutoSaved } from '@/lib/use-auto-saved.ts';
import { replayKeys } from '../api/replay-keys.ts';
import {
  getRecordingSettings,
  updateRecordingSettings,
  type RecordingSettings,
  type ReplayVisibility,
} from '../api/replays-api.ts';

const VISIBILITY: Array<{ value: ReplayVisibility; label: string; description: string }> = [
  { value: 'EVERYONE', label: 'Everyone', description: 'Anyone who can see your channel.' },
  { value: 'FOLLOWERS', label: 'Followers', description: 'Only people who follow you.' },
  { value: 'ONLY_ME', label: 'Only me', description: 'Nobody else; you can still watch them here.' },
];
const RETENTION_CHOICES = [null, 7, 30, 90, 365] as const;
const retentionLabel = (days: number | null) => (days === null ? 'Keep until I delete them' : `Delete after ${days} days`);

type RecordingChange = Partial<Omit<RecordingSettings, 'recorder'>>;

/** Whether broadcasts are recorded, who may watch the replays and how long they are kept. Each change saves at once. */
export function RecordingSettingsForm() {
  const retentionId = useId();
  const visibilityId = useId();
  const { query, save, saving, status } = useAutoSaved<RecordingSettings, RecordingChange>({
    queryKey: replayKeys.settings(),
    load: getRecordingSettings,
    save: (change) => updateRecordingSettings(change),
    savedText: 'Saved.',
  });
  if (!query.data)
    return <LoadFallback what="your recording settings" error={query.error} onRetry={() => void query.refetch()} />;
  const settings = query.data;

  return (
    <div>
      {!settings.recorder.available && (
        <div
          className="mt-4 rounded-lg border border-amber-700/60 bg-amber-950/40 p-3 text-sm text-amber-200"
          role="note"
          data-testid="recorder-off"
        >
          <p className="font-semibold">Recording is off on this server.</p>
          <p className="text-amber-200/80">{settings.recorder.reason}</p>
        </div>
      )}
      <div className="divide-y divide-zinc-800">
        <ToggleField
          label="Record my broadcasts"
          description="Every stream is saved when it ends, with its chat, and appears on your profile as a replay. Turning this off during a stream stops its recording at once; what was recorded so far stays a replay."
          checked={settings.recordingEnabled}
          disabled={saving}
          onChange={(recordingEnabled) => save({ recordingEnabled })}
        />
        <div
          className="py-4"
          role="radiogroup"
          aria-labelledby={`${visibilityId}-label`}
          aria-describedby={`${visibilityId}-hint`}
        >
          <p id={`${visibilityId}-label`} className="font-medium text-zinc-100">
            Who can watch replays
          </p>
          <p id={`${visibilityId}-hint`} className="text-sm text-zinc-400">
            People you blocked never can.
          </p>
          <div className="mt-3 grid gap-2 sm:grid-cols-3">
            {VISIBILITY.map((choice) => (
              <label
                key={choice.value}
                className={`flex cursor-pointer flex-col rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500 ${
                  settings.visibility === choice.value
                    ? 'border-accent-500 bg-accent-600/10'
                    : 'border-zinc-700 hover:border-zinc-500'
                }`}
              >
                <span className="flex items-center gap-2 font-semibold text-zinc-100">
                  <input
                    type="radio"
                    name="replay-visibility"
                    value={choice.value}
                    checked={settings.visibility === choice.value}
                    disabled={saving}
                    onChange={() => save({ visibility: choice.value })}
                    className="accent-accent-500"
                  />
                  {choice.label}
                </span>
                <span className="mt-1 text-zinc-400">{choice.description}</span>
              </label>
            ))}
          </div>
        </div>
        <div className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <label htmlFor={retentionId} className="font-medium text-zinc-100">
              Keep replays
            </label>
            <p className="text-sm text-zinc-400">Older replays are deleted automatically, files included.</p>
          </div>
          <select
            id={retentionId}
            value={settings.retentionDays ?? ''}
            disabled={saving}
            onChange={(event) => save({ retentionDays: event.target.value ? Number(event.target.value) : null })}
            className="rounded-lg border border-zinc-700 bg-zinc-950 px-3 py-2 text-sm text-zinc-100 focus:ring-2 focus:ring-accent-500 focus:outline-none disabled:opacity-50 sm:w-56"
          >
            {[...new Set([...RETENTION_CHOICES, settings.retentionDays])].map((days) => (
              <option key={days ?? 'forever'} value={days ?? ''}>
                {retentionLabel(days)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <SaveStatus saving={saving} status={status} />
    </div>
  );
}
