import type { Random } from './random.ts';
import type { Plan } from './plan.ts';
import type { Sink, TableSpec } from './sink.ts';

/**
 * What later tables need to know about earlier ones, kept in typed arrays (a province has 26,617
 * divisions and 200,000 organisations): which town each division belongs to, who works where,
 * which organisations a town has.
 */
export interface World {
  seed: number;
  now: number;
  plan: Plan;
  sink: Sink;
  province: number;
  cities: number[];
  districts: number[];
  towns: number[];
  villages: number[];
  townsByDistrict: Map<number, number[]>;
  districtsByCity: Map<number, number[]>;
  /** By division id: its town's id (0 above town level), its district's id, its depth. */
  townOf: Int32Array;
  districtOf: Int32Array;
  /** Staff user of a division's office (province, cities, districts, towns). */
  staffOf: Int32Array;
  staffName: Map<number, string>;
  /** By organisation id (index = id): division id and type index. */
  orgDivision: Int32Array;
  orgType: Uint8Array;
  /** Organisation ids by town id (the town's own and its villages'). */
  orgsByTown: Map<number, number[]>;
  organisationCount: number;
  venueCount: number;
  venuesByTown: Map<number, number[]>;
  projectsByTown: Map<number, number[]>;
  pairsByTown: Map<number, number[]>;
}

export const t = (name: string, columns: TableSpec['columns']): TableSpec => ({ name, columns });

/** Write rows of several tables, flushing all of them (parents first) when any buffer is full. */
export async function flushIfFull(...writers: Array<{ full: boolean; flush(): Promise<void> }>): Promise<void> {
  if (!writers.some((w) => w.full)) return;
  for (const writer of writers) await writer.flush();
}

/** A random element of a non-empty list, or the fallback when the list is empty or missing. */
export function pickOr(random: Random, list: number[] | undefined, fallback: number | null): number | null {
  return list && list.length ? list[random.int(list.length)]! : fallback;
}

/** The list under `key`, created empty on first use. */
export function listOf<K>(map: Map<K, number[]>, key: K): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
