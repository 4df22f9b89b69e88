/** The time-travel clock of development servers (SCENEBRIDGE_TIME_TRAVEL=on; docs/ARCHITECTURE.md). */
import { z } from 'zod';

export const clockNow = z.object({ now: z.iso.datetime({ offset: true }) });
export type ClockNow = z.infer<typeof clockNow>;
