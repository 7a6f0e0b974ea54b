import { generatePlaces } from './gen-places.ts';
import { generateRegistry } from './gen-registry.ts';
import { generateCases, generateNeeds } from './gen-requests.ts';
import { generateActivities, generatePairings, generateProjects } from './gen-work.ts';
import { defaultNow, planFor } from './plan.ts';
import type { Sink } from './sink.ts';
import type { World } from './world.ts';

export interface TableTiming {
  table: string;
  rows: number;
  ms: number;
}

export interface GenerateResult {
  world: World;
  timings: TableTiming[];
  totalRows: number;
  ms: number;
  checksum: string | null;
}

const phases: Array<[string, (world: World) => Promise<void>]> = [
  ['places', generatePlaces],
  ['registry', generateRegistry],
  ['projects', generateProjects],
  ['pairings', generatePairings],
  ['activities', generateActivities],
  ['cases', generateCases],
  ['needs', generateNeeds],
];

/**
 * Generate a province into `sink`, deterministically from `seed`. Tables written together (a case,
 * its units and its history) share their phase's time, so rows/s per table is rows over that phase.
 */
export async function generateProvince(sink: Sink, options: { seed: number; scale: number; now?: number; log?: (line: string) => void }): Promise<GenerateResult> {
  const world: World = {
    seed: options.seed, now: options.now ?? defaultNow, plan: planFor(options.scale), sink,
    province: 0, cities: [], districts: [], towns: [], villages: [], townsByDistrict: new Map(), districtsByCity: new Map(),
    townOf: new Int32Array(0), districtOf: new Int32Array(0), staffOf: new Int32Array(0), staffName: new Map(),
    orgDivision: new Int32Array(0), orgType: new Uint8Array(0), orgsByTown: new Map(), organisationCount: 0, venueCount: 0,
    venuesByTown: new Map(), projectsByTown: new Map(), pairsByTown: new Map(),
  };
  const timings: TableTiming[] = [];
  const started = performance.now();
  for (const [name, run] of phases) {
    const before = new Map(sink.stats.rows);
    const phaseStart = performance.now();
    await run(world);
    await sink.finish();
    const ms = performance.now() - phaseStart;
    for (const [table, rows] of sink.stats.rows) {
      const added = rows - (before.get(table) ?? 0);
      if (added > 0) timings.push({ table, rows: added, ms });
    }
    options.log?.(`  ${name.padEnd(10)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  }
  const totalRows = [...sink.stats.rows.values()].reduce((a, b) => a + b, 0);
  return { world, timings, totalRows, ms: performance.now() - started, checksum: sink.checksum() };
}
