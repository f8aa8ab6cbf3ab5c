export const SOURCE_DIRS: string[];
/** The number of source files and the newest change among them, as dist/stamp records it. */
export function sourceStamp(root: string): string;
