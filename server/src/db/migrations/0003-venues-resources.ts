import { sql, type Kysely } from 'kysely';

/** The service kinds every installation starts with; administrators add, rename and archive. */
export const defaultServiceKinds: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'legal_advice', name: '法律咨询' },
  { code: 'policy_interpretation', name: '政策解读' },
  { code: 'medical', name: '医疗健康' },
  { code: 'training', name: '教育培训' },
  { code: 'funds', name: '资金扶持' },
  { code: 'volunteers', name: '志愿服务' },
  { code: 'employment', name: '就业创业' },
  { code: 'psychological', name: '心理疏导' },
  { code: 'elderly_care', name: '养老服务' },
  { code: 'project_application', name: '项目申报辅导' },
];

/**
 * Venues, brands and resources: the indexes their lists, duplicate checks ("same name in the same
 * division") and "what links to it" lookups need, and the default service kinds, which are
 * reference data every installation needs (not demo data).
 */
export function venuesResources() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('venues_name').on('venues').columns(['division_id', 'name']).execute();
      await db.schema.createIndex('venues_owner').on('venues').column('owner_organisation_id').execute();
      await db.schema.createIndex('venues_brand').on('venues').column('brand_id').execute();
      await db.schema.createIndex('brands_name').on('brands').columns(['division_id', 'name']).execute();
      await db.schema.createIndex('resources_name').on('resources').columns(['division_id', 'name']).execute();
      await db.schema.createIndex('resources_organisation').on('resources').column('organisation_id').execute();
      await db.schema.createIndex('resources_person').on('resources').column('person_id').execute();
      const at = new Date().toISOString();
      for (const [index, kind] of defaultServiceKinds.entries()) {
        await sql`insert into service_kinds (code, name, sort_order, created_at, updated_at)
                  values (${kind.code}, ${kind.name}, ${(index + 1) * 10}, ${at}, ${at})`.execute(db);
      }
    },
  };
}
