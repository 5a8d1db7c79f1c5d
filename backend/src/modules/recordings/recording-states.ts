import type { ReplayStatus } from '../../generated/prisma/client.ts';

/** A replay whose recording has not settled yet. */
export const OPEN_STATUSES: ReplayStatus[] = ['STARTING', 'RECORDING', 'PROCESSING'];
