import type { Generated } from 'kysely';

/** Row types of the registry (migration 0002). Conventions as in types.ts. */

interface Editable {
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface OrganisationsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  name: string;
  type: string;
  parent_id: number | null;
  founded_on: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  address: string | null;
  description: string | null;
  archived_at: string | null;
}

export interface PeopleTable extends Editable {
  id: Generated<number>;
  division_id: number;
  name: string;
  phone: string | null;
  organisation_id: number | null;
  position: string | null;
  archived_at: string | null;
}

export interface MembershipsTable extends Editable {
  id: Generated<number>;
  organisation_id: number;
  member_organisation_id: number | null;
  member_person_id: number | null;
  role: string;
  since: string | null;
  until: string | null;
}

export interface BrandsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  name: string;
  field: string | null;
  description: string | null;
  archived_at: string | null;
}

export interface VenuesTable extends Editable {
  id: Generated<number>;
  division_id: number;
  name: string;
  type: string;
  level: string;
  star_rating: number | null;
  address: string | null;
  hotline: string | null;
  opening_hours: string | null;
  owner_organisation_id: number | null;
  brand_id: number | null;
  is_public: number;
  description: string | null;
  archived_at: string | null;
}

export interface ServiceKindsTable extends Editable {
  id: Generated<number>;
  code: string;
  name: string;
  sort_order: number;
  archived_at: string | null;
}

export interface ResourcesTable extends Editable {
  id: Generated<number>;
  division_id: number;
  kind: string;
  name: string;
  organisation_id: number | null;
  person_id: number | null;
  contact_phone: string | null;
  description: string | null;
  archived_at: string | null;
}

export interface ResourceServicesTable {
  resource_id: number;
  service_kind_id: number;
}

export interface RegistryTables {
  organisations: OrganisationsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  brands: BrandsTable;
  venues: VenuesTable;
  service_kinds: ServiceKindsTable;
  resources: ResourcesTable;
  resource_services: ResourceServicesTable;
}
