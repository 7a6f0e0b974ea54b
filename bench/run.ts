/**
 * `npm run bench` (root or bench/): the dashboard benchmark on the generated province. The other
 * benchmarks stay available by name: bench:province (generate), bench:import, bench:search, bench:seed.
 */
export {};
await import('./province/dashboard-bench.ts');
