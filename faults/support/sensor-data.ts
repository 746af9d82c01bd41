// The course's sensor file, shared by the team outside the repository: 3,998 cumulative kWh values, one per
// 10 minutes. Read in place, never copied into the repo; a test that needs it is skipped when it is absent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './headless-process';

export const SENSOR_CSV = join(REPO_ROOT, '../shared/data/sensor.csv');
export const SENSOR_STEP_MS = 10 * 60_000;

/** Why a test that needs the file is skipped, or null when it is there. */
export const SENSOR_MISSING: string | null = existsSync(SENSOR_CSV)
  ? null
  : `skipped: ${SENSOR_CSV} is absent (the team's shared sensor data)`;

/** The first `lines` register values (kWh) of the file. */
export function sensorValues(lines = Infinity): number[] {
  const values = readFileSync(SENSOR_CSV, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, lines)
    .map(Number);
  if (values.some((v) => !Number.isFinite(v))) throw new Error(`${SENSOR_CSV} holds a non-number`);
  return values;
}
