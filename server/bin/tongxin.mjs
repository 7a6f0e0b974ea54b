#!/usr/bin/env node
// `npx tongxin …`: run the TypeScript CLI through tsx, without a build step.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
