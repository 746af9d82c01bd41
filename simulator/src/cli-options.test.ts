import { describe, expect, it } from 'vitest';
import { HELP, parseCli, resumeCommand, type CliSettings } from './cli-options';

function settings(args: string[]): CliSettings {
  const parsed = parseCli(args);
  if (parsed.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(parsed)}`);
  return parsed.settings;
}

function errorOf(args: string[]): string {
  const parsed = parseCli(args);
  if (parsed.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('simulate flags', () => {
  it('has the documented defaults', () => {
    expect(settings(['--file', 'a.csv', '--device', 'm'])).toMatchObject({
      file: 'a.csv',
      devices: ['m'],
      intervalMs: 600_000,
      start: 'now',
      startGiven: false,
      speed: 1,
      loop: false,
      fromLine: 1,
      fromPass: 1,
      deviceOffset: { kind: 'step', kwh: 0 },
      strict: false,
      amqpUrl: 'amqp://guest:guest@127.0.0.1:5672',
      queue: 'consumptions',
    });
  });

  it('reads every flag', () => {
    const s = settings([
      '--file=x.csv',
      '--device',
      'a',
      '--device',
      'b',
      '--interval',
      '15m',
      '--start',
      '2024-01-01T00:00:00+01:00',
      '--speed',
      'max',
      '--loop',
      '--from-line',
      '120',
      '--from-pass',
      '3',
      '--device-offset',
      'random',
      '--strict',
      '--amqp',
      'amqps://u:p@broker:5671/vh',
      '--queue',
      'test.q',
    ]);
    expect(s).toMatchObject({
      devices: ['a', 'b'],
      intervalMs: 900_000,
      start: Date.UTC(2023, 11, 31, 23),
      startGiven: true,
      speed: 'max',
      loop: true,
      fromLine: 120,
      fromPass: 3,
      deviceOffset: { kind: 'random' },
      strict: true,
      amqpUrl: 'amqps://u:p@broker:5671/vh',
      queue: 'test.q',
    });
    expect(settings(['--file', 'x', '--speed', '60', '--device-offset', '250.5'])).toMatchObject({
      speed: 60,
      deviceOffset: { kind: 'step', kwh: 250.5 },
    });
  });

  it('refuses a bad value with a message naming the flag', () => {
    const cases: Array<[string[], string]> = [
      [['--device', 'm'], '--file'],
      [['--file', 'a', '--interval', '10'], '--interval'],
      [['--file', 'a', '--interval', '-5m'], '--interval'],
      [['--file', 'a', '--start', '2024-01-01T00:00:00'], '--start'],
      [['--file', 'a', '--start', 'yesterday'], '--start'],
      [['--file', 'a', '--speed', '0'], '--speed'],
      [['--file', 'a', '--speed', 'fast'], '--speed'],
      [['--file', 'a', '--from-line', '0'], '--from-line'],
      [['--file', 'a', '--from-line', '2.5'], '--from-line'],
      [['--file', 'a', '--from-pass', '2'], '--from-pass'],
      [['--file', 'a', '--device-offset', '-1'], '--device-offset'],
      [['--file', 'a', '--amqp', 'http://localhost'], '--amqp'],
      [['--file', 'a', '--queue', ''], '--queue'],
      [['--file', 'a', '--device', 'm', '--device', 'm'], '--device'],
      [['--file', 'a', '--device', ''], '--device'],
      [['--file', 'a', '--speeed', '2'], '--speeed'],
      [['--file', 'a', '--loop=yes'], '--loop'],
      [['--file', 'a', 'extra'], 'extra'],
    ];
    for (const [args, flag] of cases) expect(errorOf(args), args.join(' ')).toContain(flag);
  });

  it('documents every flag in --help, with examples', () => {
    const flags = [
      '--file',
      '--device',
      '--interval',
      '--start',
      '--speed',
      '--loop',
      '--from-line',
      '--from-pass',
    ];
    flags.push('--device-offset', '--strict', '--amqp', '--queue', '--help');
    for (const flag of flags) expect(HELP, flag).toMatch(new RegExp(`^\\s+(-h, )?${flag}\\b`, 'm'));
    const examples = HELP.slice(HELP.indexOf('Examples'));
    expect(examples.match(/npm run simulate -- /g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('asks for help with -h or --help', () => {
    expect(parseCli(['-h'])).toEqual({ kind: 'help' });
    expect(parseCli(['--file', 'a', '--help'])).toEqual({ kind: 'help' });
  });
});

describe('the resume command', () => {
  it('repeats the command with the start and the line to resume from, and hides the broker password', () => {
    const s = settings([
      '--file',
      'my data.csv',
      '--device',
      'a',
      '--speed',
      '60',
      '--from-line',
      '5',
      '--amqp',
      'amqp://u:secret@h:5672',
    ]);
    expect(resumeCommand(s, { pass: 1, line: 42 }, Date.UTC(2024, 0, 1))).toBe(
      "npm run simulate -- --file 'my data.csv' --device a --speed 60 --amqp 'amqp://u:***@h:5672' " +
        '--start 2024-01-01T00:00:00.000Z --from-line 42',
    );
  });

  it('names the pass when looping, and leaves out --start for a file with its own timestamps', () => {
    const s = settings(['--file', 'h.csv', '--loop']);
    expect(resumeCommand(s, { pass: 3, line: 7 }, null)).toBe(
      'npm run simulate -- --file h.csv --loop --from-line 7 --from-pass 3',
    );
  });
});
