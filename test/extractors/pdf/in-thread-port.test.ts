import { describe, expect, it } from 'vitest';
import { InThreadPort } from '../../../extractors/pdf/in-thread-port.js';

const received = (port: InThreadPort) => {
  const got: unknown[] = [];
  port.addEventListener('message', (e) => got.push(e.data));
  return got;
};
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('InThreadPort', () => {
  it('hands over an operator list chunk with its arrays copied and their contents shared', async () => {
    const port = new InThreadPort();
    const got = received(port);
    const glyph = { unicode: '出', width: 1000 };
    const chunk = { fnArray: [44], argsArray: [[[glyph]]], lastChunk: false };
    port.postMessage({ sourceName: 'worker', targetName: 'main', stream: 4, streamId: 1, chunk });
    // the parser empties its arrays for the next chunk right after posting
    chunk.fnArray.length = 0;
    chunk.argsArray.length = 0;
    await settled();
    const delivered = (got[0] as { chunk: typeof chunk }).chunk;
    expect(delivered.fnArray).toEqual([44]);
    expect(delivered.argsArray[0]![0]![0]).toBe(glyph);
    expect(delivered.lastChunk).toBe(false);
  });

  it('clones every other message, later and in order, to every listener', async () => {
    const port = new InThreadPort();
    const first = received(port);
    const second = received(port);
    const message = { action: 'GetPage', data: { pageIndex: 0 } };
    port.postMessage(message);
    port.postMessage({ action: 'second' });
    expect(first).toEqual([]);
    await settled();
    expect(first).toEqual([message, { action: 'second' }]);
    expect(first[0]).not.toBe(message);
    expect(second).toEqual(first);
  });

  it('transfers buffers it is given, and stops delivering to removed or aborted listeners', async () => {
    const port = new InThreadPort();
    const got = received(port);
    const buffer = new ArrayBuffer(8);
    port.postMessage({ buffer }, [buffer]);
    expect(buffer.byteLength).toBe(0);
    const ac = new AbortController();
    const aborted: unknown[] = [];
    port.addEventListener('message', (e) => aborted.push(e.data), { signal: ac.signal });
    ac.abort();
    await settled();
    port.postMessage({ after: true });
    await settled();
    expect(got).toHaveLength(2);
    expect(aborted).toEqual([]);
    port.terminate();
    port.postMessage({ late: true });
    await settled();
    expect(got).toHaveLength(2);
  });
});
