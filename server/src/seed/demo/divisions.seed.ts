import { insertDivision } from '../../modules/divisions/divisions.repo.ts';
import type { SeedContext, Seeder } from './context.ts';
import { demoDivisions, type DivisionSeed } from './divisions.data.ts';

async function insertTree(ctx: SeedContext, nodes: DivisionSeed[], parent: { id: number; path: string; depth: number; names: string } | null) {
  for (const node of nodes) {
    const row = await insertDivision(ctx.db, {
      parentId: parent?.id ?? null,
      parentPath: parent?.path ?? null,
      parentDepth: parent?.depth ?? -1,
      name: node.name,
      level: node.level,
      code: node.code ?? null,
      at: ctx.at,
    });
    const names = parent ? `${parent.names}/${node.name}` : node.name;
    ctx.divisionIds.set(names, row.id);
    if (node.children) await insertTree(ctx, node.children, { id: row.id, path: row.path, depth: row.depth, names });
  }
}

export const divisionsSeeder: Seeder = {
  name: 'divisions',
  async run(ctx) {
    await insertTree(ctx, demoDivisions, null);
    ctx.log(`divisions: ${ctx.divisionIds.size}`);
  },
};
