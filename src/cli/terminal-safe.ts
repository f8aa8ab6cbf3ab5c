/**
 * Control characters other than line feed and tab, DEL and the C1 range, as they would reach a
 * terminal from a file name, a title or a cell: ESC starts sequences that move the cursor, retitle
 * the window or rewrite earlier lines, so a hostile document could forge what `show` or `run` says.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's job
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text for the terminal: each control character shown as its escape (`\x1b`), never sent raw. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
