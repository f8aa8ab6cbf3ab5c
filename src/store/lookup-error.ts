/**
 * What was asked for is not there: no database at a path, no run or document of that name. Its
 * message is for the person who asked (the CLI prints it as a usage error, exit code 2).
 */
export class LookupError extends Error {
  override name = 'LookupError';
}
