type Listener = (event: { data: unknown }) => void;

/** An operator list chunk as pdfjs's parser streams it: `{ …, chunk: { fnArray, argsArray, … } }`. */
interface ChunkMessage {
  chunk: { fnArray: unknown[]; argsArray: unknown[] };
}

const isChunk = (m: unknown): m is ChunkMessage => {
  const chunk = (m as { chunk?: { fnArray?: unknown; argsArray?: unknown } } | null)?.chunk;
  return Array.isArray(chunk?.fnArray) && Array.isArray(chunk?.argsArray);
};

/**
 * The channel between pdfjs's API and its parser when both run on this thread — what pdfjs's
 * own LoopbackPort does, with one difference. LoopbackPort deep-copies every message
 * (`structuredClone`), as a real worker boundary would; for operator lists that copy was an
 * eighth of pdfjs's time here, every glyph of every page cloned. The parser hands each chunk
 * over and then only empties the two arrays for its next chunk, never changing what they held
 * (glyphs are its font's cached objects, path data fresh per operator), so a chunk's arrays are
 * copied and their contents shared. Every other message is cloned as before.
 */
export class InThreadPort {
  private readonly listeners = new Map<Listener, (() => void) | null>();

  postMessage(message: unknown, transfer?: Transferable[]): void {
    const data = isChunk(message)
      ? { ...message, chunk: { ...message.chunk, fnArray: message.chunk.fnArray.slice(), argsArray: message.chunk.argsArray.slice() } }
      : structuredClone(message, transfer ? { transfer } : undefined);
    // delivered later, in order, as a port delivers messages
    queueMicrotask(() => {
      for (const listener of [...this.listeners.keys()]) listener.call(this, { data });
    });
  }

  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    const onAbort = () => this.removeEventListener(_type, listener);
    signal?.addEventListener('abort', onAbort);
    this.listeners.set(listener, signal ? () => signal.removeEventListener('abort', onAbort) : null);
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.listeners.get(listener)?.();
    this.listeners.delete(listener);
  }

  terminate(): void {
    for (const stop of this.listeners.values()) stop?.();
    this.listeners.clear();
  }
}
