import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../extractors/pdf/extract-pdf.js';

// core-js makes this realm's Function.prototype.toString print its polyfills as native: ask another realm's
const sourceOf = vm.runInNewContext('Function.prototype.toString') as (this: unknown) => string;
const isNative = (f: unknown) => typeof f === 'function' && sourceOf.call(f).includes('[native code]');

// pdfjs-dist's legacy build replaces these with slow JavaScript versions for the whole thread; a
// speed test would be flaky on a shared machine, so the cause is what is checked
describe('loading pdfjs-dist', () => {
  it('leaves the engine its own Array.prototype.push, JSON.parse and JSON.stringify', () => {
    expect(typeof extractPdf).toBe('function');
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    expect(isNative(JSON.stringify)).toBe(true);
  });

  it('keeps what pdfjs adds and needs on Node 20, and its parser loaded on this thread', () => {
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
    expect(typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64).toBe('function');
    expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeDefined();
  });
});
