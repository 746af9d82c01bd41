// Turns the file's readings into `consumptions` messages: timestamps, devices and register offsets, pass after pass.
import { consumptionMessageSchema, type ConsumptionMessage } from '../../src/shared/contracts/consumption';
import type { CsvLine, CsvReading } from './csv-readings';
import { registerOffset, type DeviceOffset } from './device-offsets';

export interface TimelineOptions {
  /** The devices each reading is sent as; null sends a headed file's readings as its own device ids. */
  devices: readonly string[] | null;
  /** Epoch ms of the course format's line 1 in the first pass. */
  startMs: number;
  /** Wall-clock step between course-format lines; also the gap between passes of a headed file. */
  intervalMs: number;
  deviceOffset: DeviceOffset;
}

export type TimelineResult =
  | { ok: true; timestamp: number; messages: ConsumptionMessage[] }
  | { ok: false; reason: string };

/** The course format's single register, keyed like a device in the per-device maps. */
const COURSE_REGISTER = '';

/**
 * Course format: line n of pass p is at start + ((lines of passes before p) + n − 1) × interval, so a bad
 * line leaves a gap instead of shifting every later reading.
 * Headed format: readings keep the file's timestamps; each later pass is shifted to begin one interval
 * after the previous pass ended.
 * Both: with looping, each pass adds the previous pass's last value to the register, so the register
 * keeps growing and a new pass never looks like a meter reset.
 */
export class ReadingTimeline {
  private passNumber = 1;
  private linesBefore = 0;
  private shiftMs = 0;
  private readonly carry = new Map<string, number>();
  private readonly deviceIndex = new Map<string, number>();
  private pass = newPassStats();

  constructor(private readonly options: TimelineOptions) {
    options.devices?.forEach((d, i) => this.deviceIndex.set(d, i));
  }

  get currentPass(): number {
    return this.passNumber;
  }

  /** Takes note of every line of the pass, sent or not: the next pass's offsets depend on them. */
  observe(line: CsvLine): void {
    this.pass.lastLine = Math.max(this.pass.lastLine, line.line);
    if (line.kind === 'bad') return;
    this.pass.lastValue.set(registerKey(line), line.value);
    if (line.format === 'headed') {
      this.pass.minMs = Math.min(this.pass.minMs, line.timestamp);
      this.pass.maxMs = Math.max(this.pass.maxMs, line.timestamp);
    }
  }

  /** The messages of one reading, one per device, or why they would break the `consumptions` contract. */
  messagesFor(reading: CsvReading): TimelineResult {
    const timestamp =
      reading.format === 'course'
        ? this.options.startMs + (this.linesBefore + reading.line - 1) * this.options.intervalMs
        : reading.timestamp + this.shiftMs;
    const devices = this.options.devices ?? [reading.format === 'headed' ? reading.deviceId : ''];
    const carried = this.carry.get(registerKey(reading)) ?? 0;
    const messages: ConsumptionMessage[] = [];
    for (const device_id of devices) {
      const message = {
        timestamp,
        device_id,
        measurement_value:
          reading.value +
          carried +
          registerOffset(this.options.deviceOffset, device_id, this.indexOf(device_id)),
      };
      const checked = consumptionMessageSchema.safeParse(message);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        return {
          ok: false,
          reason: `breaks the consumptions contract: ${issue?.path.join('.')} ${issue?.message}`,
        };
      }
      messages.push(message);
    }
    return { ok: true, timestamp, messages };
  }

  /** Starts the next pass over the file, continuing time and register from where this pass ended. */
  nextPass(): void {
    this.linesBefore += this.pass.lastLine;
    if (this.pass.maxMs >= this.pass.minMs)
      this.shiftMs += this.pass.maxMs - this.pass.minMs + this.options.intervalMs;
    for (const [key, value] of this.pass.lastValue) this.carry.set(key, (this.carry.get(key) ?? 0) + value);
    this.pass = newPassStats();
    this.passNumber += 1;
  }

  private indexOf(deviceId: string): number {
    let index = this.deviceIndex.get(deviceId);
    if (index === undefined) {
      index = this.deviceIndex.size;
      this.deviceIndex.set(deviceId, index);
    }
    return index;
  }
}

function newPassStats(): { lastLine: number; lastValue: Map<string, number>; minMs: number; maxMs: number } {
  return { lastLine: 0, lastValue: new Map(), minMs: Infinity, maxMs: -Infinity };
}

function registerKey(reading: CsvReading): string {
  return reading.format === 'headed' ? reading.deviceId : COURSE_REGISTER;
}
