import type { ReplayVisibility } from '../../generated/prisma/client.ts';
import { prisma } from '../../lib/prisma.ts';
import type { SettingsChange } from './recordings.schemas.ts';
import { recorderStatus, stopRecording } from './recorder.service.ts';
import { deleteExpiredReplays } from './replay-retention.service.ts';

/** A creator's recording settings: whether broadcasts are recorded, who may watch the replays, how long they are kept. */

const DEFAULT_SETTINGS = {
  recordingEnabled: true,
  visibility: 'EVERYONE' as ReplayVisibility,
  retentionDays: null as number | null,
};

export async function getSettings(userId: string) {
  const row = await prisma.replaySettings.findUnique({ where: { userId } });
  const settings = row
    ? { recordingEnabled: row.recordingEnabled, visibility: row.visibility, retentionDays: row.retentionDays }
    : DEFAULT_SETTINGS;
  return { ...settings, recorder: recorderStatus() };
}

export async function updateSettings(userId: string, change: SettingsChange) {
  await prisma.replaySettings.upsert({ where: { userId }, create: { userId, ...change }, update: change });
  if (change.retentionDays) await deleteExpiredReplays({ userId });
  // Off means off now: a broadcast being recorded stops being recorded (what was recorded stays a replay).
  if (change.recordingEnabled === false) await stopRecording(userId);
  return getSettings(userId);
}
