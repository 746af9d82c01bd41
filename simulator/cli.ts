// `npm run simulate`: replays a meter CSV file into RabbitMQ. Reads the flags, builds the parts, runs, reports.
import { CsvFormatError, detectCsvFormat } from './src/csv-readings';
import { redactUrl } from '../src/shared/redact-url';
import { AmqpReadingPublisher } from './src/amqp-publisher';
import { HELP, parseCli, resumeCommand, type CliSettings } from './src/cli-options';
import { formatDuration } from './src/duration';
import { ProgressDisplay, summaryText } from './src/progress';
import { createReplay } from './src/replay';

/** Bad lines printed as they come; the rest are only counted. */
const BAD_LINES_SHOWN = 20;

async function main(): Promise<number> {
  const parsed = parseCli(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (parsed.kind === 'error') return usageError(parsed.message);
  const settings = parsed.settings;

  let format;
  try {
    format = await detectCsvFormat(settings.file);
  } catch (err) {
    if (err instanceof CsvFormatError) return usageError(`--file ${settings.file}: ${err.message}`);
    return usageError(`--file cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (format === 'course' && settings.devices.length === 0)
    return usageError('--device is required: a file of one value per line has no device ids');

  // Fixed here rather than inside the replay, so the resume command can repeat it.
  const start = settings.start === 'now' ? Date.now() : settings.start;
  const display = new ProgressDisplay(process.stdout, process.stderr);
  const publisher = new AmqpReadingPublisher({ url: settings.amqpUrl, queue: settings.queue });
  publisher.on('connected', ({ url }) => {
    display.setStatus(null);
    display.note(`connected to ${url}, queue ${settings.queue}`);
  });
  publisher.on('disconnected', ({ reason }) => display.setStatus(`broker ${reason}; reconnecting`));
  publisher.on('retrying', ({ error, delayMs }) =>
    display.setStatus(`broker unreachable (${error}); retrying in ${(delayMs / 1000).toFixed(1)}s`),
  );

  const replay = createReplay({ ...settings, start, publisher });
  let badShown = 0;
  replay.on('error', ({ file, line, reason }) => {
    badShown += 1;
    if (badShown <= BAD_LINES_SHOWN) display.note(`${file}:${line}: ${reason}`);
    if (badShown === BAD_LINES_SHOWN + 1) display.note('more bad lines: counted in the summary, not shown');
  });
  replay.on('progress', (p) => display.update(p));
  const ticker = display.interactive ? setInterval(() => display.redraw(), 1_000) : null;

  let interrupts = 0;
  const interrupt = (): void => {
    interrupts += 1;
    if (interrupts === 1) {
      display.note('stopping: waiting for readings in flight to be confirmed (Ctrl-C again to quit now)');
      void replay.stop();
      return;
    }
    display.clear();
    process.stdout.write(
      `Quit without waiting. Resume with:\n  ${resumeCommand(settings, replay.resumeFrom, format === 'course' ? start : null)}\n`,
    );
    process.exit(130);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  if (format === 'headed' && settings.startGiven)
    display.note('note: --start is ignored: the file has its own timestamps');
  display.note(describeRun(settings, format));
  publisher.connect();
  const summary = await replay.start();

  if (ticker) clearInterval(ticker);
  display.clear();
  await publisher.close();
  process.stdout.write(`${summaryText(summary)}\n`);
  if (summary.resumeFrom)
    process.stdout.write(`Resume with:\n  ${resumeCommand(settings, summary.resumeFrom, summary.startMs)}\n`);
  return summary.outcome === 'completed' ? 0 : summary.outcome === 'stopped' ? 130 : 1;
}

function describeRun(s: CliSettings, format: string): string {
  const who = s.devices.length > 0 ? s.devices.join(', ') : "the file's devices";
  const pace =
    s.speed === 'max'
      ? 'as fast as the broker confirms'
      : format === 'course'
        ? `one reading every ${formatDuration(s.intervalMs / s.speed)}`
        : `speed ${s.speed}`;
  return `replaying ${s.file} (${format} format) as ${who} into ${redactUrl(s.amqpUrl)} queue ${s.queue}, ${pace}${s.loop ? ', looping' : ''}`;
}

function usageError(message: string): number {
  process.stderr.write(`simulate: ${message}\nRun with --help for usage.\n`);
  return 2;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`simulate: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
