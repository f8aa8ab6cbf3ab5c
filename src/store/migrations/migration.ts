/** One step of the schema. A released migration is never edited; changes come as new files. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
