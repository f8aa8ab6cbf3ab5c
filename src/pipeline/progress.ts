/** Reports a run's progress: a redrawn bar on a terminal, plain periodic lines otherwise (CI, logs). */
export interface Progress {
  update(done: number, counts: Record<string, number>): void;
  /** The number of files, once counted: from then on a bar and an ETA are shown. */
  setTotal(total: number): void;
  finish(): void;
}

const BAR = 28;
/** A bar narrower than this says nothing; on a narrow terminal the counts keep the room. */
const MIN_BAR = 10;

export function createProgress(initialTotal: number | null, stream: NodeJS.WriteStream = process.stderr, intervalMs = 5000): Progress {
  const started = Date.now();
  let total = initialTotal;
  let last = 0;
  const line = (done: number, counts: Record<string, number>) => {
    const secs = (Date.now() - started) / 1000;
    const rate = done / Math.max(secs, 0.001);
    const parts = [`${done}${total !== null ? `/${total}` : ' (counting)'} files`, `${counts.new ?? 0} new`, `${counts.changed ?? 0} changed`, `${counts.unchanged ?? 0} unchanged`, `${counts.failed ?? 0} failed`, ...(counts.ocrPages ? [`${counts.ocrPages} OCR pages`] : []), `${rate.toFixed(1)} files/s`];
    if (total !== null && rate > 0 && done < total) parts.push(`ETA ${clock((total - done) / rate)}`);
    return parts.join(' · ');
  };
  if (stream.isTTY) {
    return {
      update(done, counts) {
        const now = Date.now();
        if (now - last < 100 && done !== total) return;
        last = now;
        stream.write(`\r\x1b[2K${fitLine(line(done, counts), total === null ? null : done / Math.max(total, 1), stream.columns)}`);
      },
      setTotal(n) {
        total = n;
      },
      finish() {
        stream.write('\r\x1b[2K');
      },
    };
  }
  return {
    update(done, counts) {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      stream.write(`progress: ${line(done, counts)}\n`);
    },
    setTotal(n) {
      total = n;
    },
    finish() {},
  };
}

/**
 * The redrawn line, at most one character narrower than the terminal: a line that reaches the
 * last column wraps, and `\r` then redraws only the wrapped part, leaving a new line behind at
 * every update. The bar shrinks first, then goes; the counts are cut last, with "…".
 */
export function fitLine(text: string, fraction: number | null, columns: number | undefined): string {
  const room = columns && columns > 1 ? columns - 1 : Infinity;
  if (fraction !== null) {
    const width = Math.min(BAR, room - text.length - 3);
    if (width >= MIN_BAR) {
      const filled = Math.round(width * Math.min(1, fraction));
      return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}`;
    }
  }
  return text.length <= room ? text : `${text.slice(0, room - 1)}…`;
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}
