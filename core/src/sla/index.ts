export * from './state-machine.ts';
export * from './dispatch-states.ts';
export * from './claim-states.ts';
export * from './policy.ts';
export * from './clocks.ts';
export * from './kpi.ts';
