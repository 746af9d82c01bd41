// The `simulate` command line: its help, and the checking of every flag into replay options.
import { parseArgs } from 'node:util';
import { deviceIdSchema } from '../../src/shared/contracts/consumption';
import { timestampSchema } from '../../src/shared/contracts/timestamp';
import type { DeviceOffset } from './device-offsets';
import { parseDuration } from './duration';
import type { Speed } from './pacing';
import { DEFAULT_AMQP_URL, DEFAULT_QUEUE } from './replay-options';

export const HELP = `Replays a meter CSV file into RabbitMQ as \`consumptions\` messages, one reading per interval.

Usage: npm run simulate -- --file <csv> --device <id> [--device <id2> ...] [options]

Input
  --file <csv>            the file to replay (required). Two formats:
                            course: one cumulative kWh value per line, no header; line i is stamped
                                    start + i x interval
                            headed: a "timestamp,device_id,measurement_value" header; lines keep their
                                    own timestamps (epoch ms or ISO-8601 with offset)
  --device <id>           send each reading as this device; repeat for several devices at once.
                          Required for the course format; for a headed file it replaces the file's ids
  --strict                stop at the first bad line (default: report it as file:line, skip, count)

Time and pace
  --interval <duration>   step between course-format lines, and the gap between looped passes:
                          30s, 10m, 15m, 1h, 1h30m ...                                  default 10m
  --start <ISO>|now       course format: timestamp of line 1, ISO-8601 with an offset    default now
  --speed <factor>|max    1 = one interval per interval of wall time, 60 = an hour per minute,
                          max = as fast as the broker confirms                           default 1
  --loop                  start over at the end; the register keeps growing across passes
  --from-line <N>         resume at line N of the file (printed when a replay is stopped) default 1
  --from-pass <P>         with --loop: resume in pass P (printed when a replay is stopped)  default 1
  --device-offset <kWh>|random
                          register offset per device: device k (from 0) starts k x kWh higher, or
                          random: 0-10000 kWh drawn from the device id (stable across runs) default 0

Broker
  --amqp <url>            RabbitMQ URL                     default ${DEFAULT_AMQP_URL}
  --queue <name>          durable queue to publish to      default ${DEFAULT_QUEUE}

  -h, --help              this text

Readings are published with confirms; unconfirmed ones are sent again, and while the broker is down
the replay waits and resumes without skipping any. Ctrl-C stops cleanly and prints the command that
resumes where it stopped; a second Ctrl-C quits at once.

Examples
  npm run simulate -- --file simulator/data/sample.csv --device meter-1
  npm run simulate -- --file simulator/data/sample.csv --device a --device b --device-offset random --speed 60
  npm run simulate -- --file sensor.csv --device m1 --start 2024-01-01T00:00:00+01:00 --speed max --queue test.q
  npm run simulate -- --file export.csv --loop --interval 15m --strict
`;

export interface CliSettings {
  file: string;
  devices: string[];
  intervalMs: number;
  start: number | 'now';
  /** True when --start was given, so it can be reported as ignored for a headed file. */
  startGiven: boolean;
  speed: Speed;
  loop: boolean;
  fromLine: number;
  fromPass: number;
  deviceOffset: DeviceOffset;
  strict: boolean;
  amqpUrl: string;
  queue: string;
  /** The command line as typed, minus --start, --from-line and --from-pass: the base of the resume command. */
  resumeArgs: string[];
}

export type CliParse =
  | { kind: 'help' }
  | { kind: 'run'; settings: CliSettings }
  | { kind: 'error'; message: string };

const RESUME_FLAGS = new Set(['start', 'from-line', 'from-pass']);

export function parseCli(args: string[]): CliParse {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        file: { type: 'string' },
        device: { type: 'string', multiple: true, default: [] },
        interval: { type: 'string', default: '10m' },
        start: { type: 'string' },
        speed: { type: 'string', default: '1' },
        loop: { type: 'boolean', default: false },
        'from-line': { type: 'string', default: '1' },
        'from-pass': { type: 'string', default: '1' },
        'device-offset': { type: 'string', default: '0' },
        strict: { type: 'boolean', default: false },
        amqp: { type: 'string', default: DEFAULT_AMQP_URL },
        queue: { type: 'string', default: DEFAULT_QUEUE },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
  const { values: v, tokens } = parsed;
  if (v.help) return { kind: 'help' };
  const error = (message: string): CliParse => ({ kind: 'error', message });

  if (v.file === undefined || v.file === '') return error('--file is required: the CSV file to replay');

  for (const id of v.device)
    if (!deviceIdSchema.safeParse(id).success)
      return error(`--device must be 1 to 128 characters, got "${id}"`);
  const duplicate = v.device.find((id, i) => v.device.indexOf(id) !== i);
  if (duplicate !== undefined) return error(`--device "${duplicate}" is given twice`);

  const intervalMs = parseDuration(v.interval);
  if (intervalMs === null)
    return error(`--interval must be a duration such as 30s, 10m or 1h, got "${v.interval}"`);

  let start: number | 'now' = 'now';
  if (v.start !== undefined && v.start !== 'now') {
    const checked = timestampSchema.safeParse(v.start);
    if (!checked.success)
      return error(
        `--start must be now or an ISO-8601 time with an offset, e.g. 2024-01-01T00:00:00Z, got "${v.start}"`,
      );
    start = checked.data;
  }

  let speed: Speed = 'max';
  if (v.speed !== 'max') {
    speed = Number(v.speed);
    if (!/^\d+(\.\d+)?$/.test(v.speed) || !(speed > 0) || !Number.isFinite(speed))
      return error(`--speed must be a positive number or max, got "${v.speed}"`);
  }

  const fromLine = wholeNumber(v['from-line']);
  if (fromLine === null) return error(`--from-line must be a line number from 1, got "${v['from-line']}"`);
  const fromPass = wholeNumber(v['from-pass']);
  if (fromPass === null) return error(`--from-pass must be a pass number from 1, got "${v['from-pass']}"`);
  if (fromPass > 1 && !v.loop) return error('--from-pass needs --loop: without it there is only pass 1');

  let deviceOffset: DeviceOffset = { kind: 'random' };
  if (v['device-offset'] !== 'random') {
    const kwh = Number(v['device-offset']);
    if (!/^\d+(\.\d+)?$/.test(v['device-offset']) || !Number.isFinite(kwh))
      return error(
        `--device-offset must be a number of kWh (0 or more) or random, got "${v['device-offset']}"`,
      );
    deviceOffset = { kind: 'step', kwh };
  }

  if (!isAmqpUrl(v.amqp)) return error(`--amqp must be an amqp:// or amqps:// URL, got "${v.amqp}"`);

  if (v.queue.length === 0 || v.queue.length > 255) return error('--queue must be 1 to 255 characters');

  const resumeArgs: string[] = [];
  for (const token of tokens)
    if (token.kind === 'option' && !RESUME_FLAGS.has(token.name)) {
      resumeArgs.push(`--${token.name}`);
      if (token.value !== undefined)
        resumeArgs.push(token.name === 'amqp' ? redactPassword(token.value) : token.value);
    }

  return {
    kind: 'run',
    settings: {
      file: v.file,
      devices: v.device,
      intervalMs,
      start,
      startGiven: v.start !== undefined,
      speed,
      loop: v.loop,
      fromLine,
      fromPass,
      deviceOffset,
      strict: v.strict,
      amqpUrl: v.amqp,
      queue: v.queue,
      resumeArgs,
    },
  };
}

/** The command that resumes a stopped replay with the same timestamps and register. */
export function resumeCommand(
  settings: CliSettings,
  resume: { line: number; pass: number },
  startMs: number | null,
): string {
  const args = [...settings.resumeArgs];
  if (startMs !== null) args.push('--start', new Date(startMs).toISOString());
  args.push('--from-line', String(resume.line));
  if (resume.pass > 1) args.push('--from-pass', String(resume.pass));
  return ['npm run simulate --', ...args.map(shellQuote)].join(' ');
}

function isAmqpUrl(text: string): boolean {
  try {
    return ['amqp:', 'amqps:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function wholeNumber(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

function redactPassword(url: string): string {
  try {
    const u = new URL(url);
    if (!u.password) return url;
    u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
