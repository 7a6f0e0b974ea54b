import { insertBrands } from '../../modules/brands/brands.repo.ts';
import { insertResources, insertResourceServices } from '../../modules/resources/resources.repo.ts';
import { insertVenues, type VenueValues } from '../../modules/venues/venues.repo.ts';
import { divisionId, type SeedContext, type Seeder } from './context.ts';
import { demoBrands, demoVenues, jinshanProjects } from './registry-venues.data.ts';

/** Ids of records by name; a name another seeder did not create is simply absent (the link stays empty). */
async function idsByName(ctx: SeedContext, table: 'organisations' | 'brands' | 'service_kinds', names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const column = table === 'service_kinds' ? 'code' : 'name';
  const rows = await ctx.db
    .selectFrom(table)
    .select(['id', `${column} as key`])
    .where(column, 'in', [...new Set(names)])
    .execute();
  return new Map(rows.map((row) => [String(row.key), row.id]));
}

/**
 * Venues, brands and the Jinshan platform's service projects (as resources) from the published
 * facts. Owner organisations are looked up by name among what the organisations seeder created;
 * all inserts are batched (one statement per table).
 */
export const registryVenuesSeeder: Seeder = {
  name: 'registry-venues',
  async run(ctx) {
    await insertBrands(
      ctx.db,
      demoBrands.map((brand) => ({ divisionId: divisionId(ctx, brand.division), name: brand.name, field: brand.field, description: brand.description })),
      ctx.at,
    );
    const brands = await idsByName(ctx, 'brands', demoBrands.map((brand) => brand.name));
    const owners = await idsByName(ctx, 'organisations', demoVenues.flatMap((venue) => (venue.owner ? [venue.owner] : [])));
    const venues: VenueValues[] = demoVenues.map((venue) => ({
      divisionId: divisionId(ctx, venue.division),
      name: venue.name,
      type: venue.type,
      level: venue.level,
      starRating: venue.stars ?? null,
      address: venue.address ?? null,
      hotline: venue.hotline ?? null,
      openingHours: venue.hours ?? null,
      ownerOrganisationId: venue.owner ? (owners.get(venue.owner) ?? null) : null,
      brandId: venue.brand ? (brands.get(venue.brand) ?? null) : null,
      isPublic: venue.isPublic,
      description: venue.description ?? null,
    }));
    await insertVenues(ctx.db, venues, ctx.at);

    const jinshan = divisionId(ctx, '上海市/金山区');
    const members = await idsByName(ctx, 'organisations', jinshanProjects.map((project) => project.organisation));
    const kinds = await idsByName(ctx, 'service_kinds', jinshanProjects.flatMap((project) => project.services));
    const resourceIds = await insertResources(
      ctx.db,
      jinshanProjects.map((project, i) => ({
        divisionId: jinshan,
        kind: 'organisation' as const,
        name: project.name,
        organisationId: members.get(project.organisation) ?? null,
        personId: null,
        // Invented numbers in the demo's made-up 1390001xxxx range: lists show them masked.
        contactPhone: `1390001${String(i + 1).padStart(4, '0')}`,
        description: `金山区两新组织统战服务平台服务项目，由${project.organisation}提供。`,
      })),
      ctx.at,
    );
    await insertResourceServices(
      ctx.db,
      jinshanProjects.flatMap((project, i) => project.services.flatMap((code) => (kinds.has(code) ? [{ resourceId: resourceIds[i]!, serviceKindId: kinds.get(code)! }] : []))),
    );
    ctx.log(`venues: ${venues.length} (${venues.filter((venue) => venue.isPublic).length} public), brands: ${demoBrands.length}, resources: ${resourceIds.length}`);
  },
};
