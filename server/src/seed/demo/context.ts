import type { Executor } from '../../db/database.ts';

/** What each demo seeder receives: the open transaction, the time, and lookups by name. */
export interface SeedContext {
  db: Executor;
  at: string;
  /** Division id by its path of names, e.g. `上海市/青浦区/华新镇`. */
  divisionIds: Map<string, number>;
  log(line: string): void;
}

export interface Seeder {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}

export function divisionId(ctx: SeedContext, namePath: string): number {
  const id = ctx.divisionIds.get(namePath);
  if (id === undefined) throw new Error(`Demo seed: no division ${namePath}`);
  return id;
}
