import type { DestinationStream } from 'pino';

const LABELS: Record<string, string> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO ',
  warn: 'WARN ',
  error: 'ERROR',
  fatal: 'FATAL',
};

/**
 * A destination that turns the logger's JSON lines into one readable line each, for local
 * development: `12:00:01.234 INFO  control-plane-api: listening {"port":4000}`.
 * (pino-pretty is not a dependency: this is all a terminal needs.) Redaction has already
 * happened by the time a line gets here.
 */
export function prettyStream(output: DestinationStream = process.stdout): DestinationStream {
  return {
    write(line: string): void {
      output.write(`${formatLine(line)}\n`);
    },
  };
}

function formatLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.trimEnd();
  }
  const { time, level, service, msg, pid: _pid, ...rest } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 23) : '';
  const label = LABELS[String(level)] ?? String(level).toUpperCase();
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  return `${clock} ${label} ${String(service)}: ${String(msg ?? '')}${extra}`;
}
