// Counts a file's lines by scanning bytes, without parsing: cheap enough to run before a replay for its total.
import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;

/** Lines in `file`; a last line without a trailing newline counts too. */
export async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = NEWLINE;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? NEWLINE;
  }
  return last === NEWLINE ? lines : lines + 1;
}
