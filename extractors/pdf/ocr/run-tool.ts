import { spawn } from 'node:child_process';

/** A command-line tool that failed, was missing or ran out of time. */
export class ToolError extends Error {
  override name = 'ToolError';
  constructor(
    message: string,
    readonly missing = false,
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/**
 * Runs a tool with `input` on its standard input and returns its standard output. Asynchronous,
 * so OCR of one document does not hold up the event loop of the worker running it; killed after
 * `timeoutMs`.
 */
export function runTool(command: string, args: string[], input: Uint8Array, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), Math.max(1, timeoutMs));
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new ToolError(e.code === 'ENOENT' ? `${command} is not installed` : `${command}: ${e.message}`, e.code === 'ENOENT'));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') reject(new ToolError(`${command} took longer than ${Math.round(timeoutMs / 1000)} s`, false, true));
      else if (code !== 0) reject(new ToolError(`${command} failed: ${Buffer.concat(err).toString('utf8').trim().split('\n').pop() ?? `exit ${code}`}`));
      else resolve(Buffer.concat(out));
    });
    // a tool that exits before reading all its input closes the pipe: that shows as its exit status
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
