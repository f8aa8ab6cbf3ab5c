// The engine's own Array.prototype.push, JSON.parse and JSON.stringify, captured when this module
// is evaluated — before pdfjs-dist's legacy build, whose bundled core-js replaces them for the
// whole thread with JavaScript versions (push for a V8 corner case with frozen lengths, JSON for
// `rawJSON`, which Node 20 lacks and pdfjs never uses). Those made every push and every JSON
// round trip of the pipeline slow: the extraction, the worker's reply, the store.
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

/** Puts the captured built-ins back, keeping what pdfjs only added (Promise.withResolvers, …). */
export function restoreNativeBuiltins() {
  const put = (target, key, value) => Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  put(Array.prototype, 'push', NATIVE.push);
  put(JSON, 'parse', NATIVE.parse);
  put(JSON, 'stringify', NATIVE.stringify);
}
