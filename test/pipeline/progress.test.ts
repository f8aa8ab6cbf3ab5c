import { afterEach, describe, expect, it, vi } from 'vitest';
import { countFiles, discoverFiles } from '../../src/pipeline/discover.js';
import { createProgress, fitLine } from '../../src/pipeline/progress.js';
import { CORPUS } from '../support/corpus.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}

const counts = (n: number) => ({ new: n, changed: 0, unchanged: 0, failed: 0 });

describe('progress', () => {
  afterEach(() => vi.useRealTimers());

  it('on a terminal: counts and rate while the files are being counted, then a bar and an ETA', () => {
    vi.useFakeTimers({ now: 0 });
    const { writes, stream } = fakeStream(true);
    const p = createProgress(null, stream);
    vi.setSystemTime(2000);
    p.update(10, counts(10));
    expect(writes.at(-1)).toBe('\r\x1b[2K10 (counting) files · 10 new · 0 changed · 0 unchanged · 0 failed · 5.0 files/s');
    p.setTotal(40);
    vi.setSystemTime(4000);
    p.update(20, counts(20));
    // 20 of 40 done at 5 files/s: 4 s to go
    expect(writes.at(-1)).toBe(`\r\x1b[2K[${'█'.repeat(14)}${'░'.repeat(14)}] 20/40 files · 20 new · 0 changed · 0 unchanged · 0 failed · 5.0 files/s · ETA 0:04`);
    p.finish();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('counts the pages read by OCR once there are any: they take seconds each', () => {
    vi.useFakeTimers({ now: 0 });
    const { writes, stream } = fakeStream(false);
    const p = createProgress(null, stream, 0);
    vi.setSystemTime(2000);
    p.update(2, { ...counts(2), ocrPages: 0 });
    expect(writes.at(-1)).toBe('progress: 2 (counting) files · 2 new · 0 changed · 0 unchanged · 0 failed · 1.0 files/s\n');
    vi.setSystemTime(4000);
    p.update(4, { ...counts(4), ocrPages: 3 });
    expect(writes.at(-1)).toBe('progress: 4 (counting) files · 4 new · 0 changed · 0 unchanged · 0 failed · 3 OCR pages · 1.0 files/s\n');
  });

  it('on an 80-column terminal: every redraw fits in 79 columns, the bar shrinking first, then going, then the counts cut', () => {
    vi.useFakeTimers({ now: 0 });
    const { writes, stream } = fakeStream(true);
    (stream as { columns: number }).columns = 80;
    const p = createProgress(1000, stream);
    vi.setSystemTime(10_000);
    p.update(500, counts(500));
    const drawn = writes.at(-1)!.replace('\r\x1b[2K', '');
    const text = '500/1000 files · 500 new · 0 changed · 0 unchanged · 0 failed · 50.0 files/s · ETA 0:10';
    expect(text.length).toBe(87);
    // no room for a bar of 10: the counts, cut
    expect(drawn).toBe(`${text.slice(0, 78)}…`);
    expect(drawn.length).toBe(79);
    expect(fitLine('12345', 0.5, 30)).toBe(`[${'█'.repeat(11)}${'░'.repeat(10)}] 12345`);
    expect(fitLine('12345', 0.5, 30).length).toBe(29);
    expect(fitLine('12345', 0.5, 200)).toBe(`[${'█'.repeat(14)}${'░'.repeat(14)}] 12345`);
    expect(fitLine('12345', null, 5)).toBe('123…');
    expect(fitLine('12345', 1, undefined)).toBe(`[${'█'.repeat(28)}] 12345`);
  });

  it('elsewhere (CI, logs): a plain line at most every interval, with the ETA once counted', () => {
    vi.useFakeTimers({ now: 0 });
    const { writes, stream } = fakeStream(false);
    const p = createProgress(null, stream, 5000);
    p.setTotal(3000);
    vi.setSystemTime(6000);
    p.update(600, counts(600));
    vi.setSystemTime(7000);
    p.update(700, counts(700)); // within the interval: not printed
    expect(writes).toEqual(['progress: 600/3000 files · 600 new · 0 changed · 0 unchanged · 0 failed · 100.0 files/s · ETA 0:24\n']);
  });

  it('counts exactly the files the walk yields', async () => {
    expect(await countFiles([CORPUS])).toBe([...discoverFiles([CORPUS])].length);
    expect(await countFiles([CORPUS])).toBeGreaterThan(10);
  });
});
