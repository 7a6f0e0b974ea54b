import type { CataloguedRoute } from '../../http/route-catalogue.ts';
import type { TestApp, TestClient } from '../harness.ts';
import { jsonSchemaOf, sampleOf, type JsonSchema } from './schema-sample.ts';

/** Where a record sits: 华新镇 (inside 青浦区) or 金山区. */
export type Place = 'huaxin' | 'jinshan';
export const places: Place[] = ['huaxin', 'jinshan'];

/**
 * Routes whose `:id` names records made by a creator elsewhere than the URL prefix suggests
 * (`/api/pairs/:id` is a pair made under a programme).
 */
const creatorAliases: Record<string, string> = {
  '/api/pairs': '/api/pairing-programmes/:id/pairs',
  '/api/memberships': '/api/organisations/:id/members',
  '/api/direct-channel/assignments': '/api/direct-channel/reports/:id/assignments',
  '/api/assessments': '/api/assessment-checklists/:id/assessments',
  '/api/request-units/organisations': '/api/organisations',
  '/api/assessments/venues': '/api/venues',
};

/** Body fields that name another record: the creator that makes that kind. */
const referenceCreators: Record<string, string> = {
  organisationId: '/api/organisations',
  ownerOrganisationId: '/api/organisations',
  personId: '/api/people',
  venueId: '/api/venues',
  brandId: '/api/brands',
  projectId: '/api/projects',
  programmeId: '/api/pairing-programmes',
  relationshipId: '/api/liaison/relationships',
  competitionId: '/api/competitions',
  campaignId: '/api/campaigns',
  checklistId: '/api/assessment-checklists',
  serviceKindId: '/api/service-kinds',
  userId: '/api/users',
};

/**
 * What the schema alone cannot tell a generator (cross-field rules, unique names): merged over the
 * generated body of these routes, for records and for matrix requests alike.
 */
const bodyExtras: Record<string, (records: RecordSet, place: Place) => Record<string, unknown>> = {
  'POST /api/divisions': (r, place) => ({ parentId: r.divisionOf[place], level: 'village', name: `矩阵村${place}` }),
  'POST /api/users': (_r, place) => ({ username: `matrix.${place}`, phone: place === 'huaxin' ? '13900001111' : '13900002222' }),
  'POST /api/activities': (r, place) => ({ divisionId: r.divisionOf[place] }),
  'POST /api/articles': (r, place) => ({ divisionId: r.divisionOf[place] }),
  'POST /api/pairing-programmes': () => ({ deadline: '2026-12-31' }),
  'POST /api/service-kinds': (_r, place) => ({ name: `矩阵服务${place}`, code: `mx${place}` }),
  'POST /api/media': (_r, place) => ({ name: `矩阵媒体${place}` }),
  'POST /api/organisations/:id/members': (r, place) => ({ memberPersonId: r.ids.get('/api/people')?.[place] }),
  'POST /api/competitions/:id/entries': () => ({ title: '矩阵参评项目' }),
  'POST /api/campaigns/:id/receipts': (r, place) => ({ organisationId: r.ids.get('/api/organisations')?.[place] }),
  'POST /api/participant/proposals': () => ({ address: '矩阵地址' }),
  'POST /api/events': () => ({ startsAt: '2026-12-20T09:00:00+08:00', endsAt: '2026-12-20T11:00:00+08:00', registrationOpensAt: null, registrationClosesAt: null, capacity: 50, waitingList: true }),
};

/** Path parameters that are names, not ids, whose schema admits more than the server knows. */
const paramExtras: Record<string, string> = { entity: 'organisation' };

const attachmentOwnerCreators: Record<string, string> = {
  project: '/api/projects',
  milestone: '/api/projects/:id/milestones',
  activity: '/api/activities',
  liaison_contact: '/api/liaison/relationships/:id/contacts',
};

export interface RecordSet {
  divisionOf: Record<Place, number>;
  /** creator URL → place → created record id */
  ids: Map<string, Record<Place, number | undefined>>;
  /** creator URLs whose records failed to be made, with the answer (shown when discovering). */
  failures: Map<string, string>;
}

/** The creator (a POST answering 201) whose records a URL prefix before a parameter names. */
export function creatorOf(prefix: string): string {
  return creatorAliases[prefix] ?? prefix;
}

/** The record id to put for each `:param` of `url`, at `place`; unknown ids where none was made. */
export function paramsFor(route: CataloguedRoute, records: RecordSet, place: Place | 'unknown'): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  const schema = jsonSchemaOf(route.schema?.params);
  const segments = route.url.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (!segment.startsWith(':')) continue;
    const name = segment.slice(1);
    const property = schema?.properties?.[name];
    if (property?.enum || property?.type === 'string') {
      out[name] = paramExtras[name] ?? sampleOf(property, () => undefined, name);
      continue;
    }
    if (place === 'unknown') {
      out[name] = 987654;
      continue;
    }
    const made = records.ids.get(creatorOf(segments.slice(0, i).join('/')))?.[place];
    if (made === undefined) return null;
    out[name] = made;
  }
  return out;
}

export function fillUrl(url: string, params: Record<string, unknown>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
}

/** Picks record ids at `place` for fields that name one; `used.placed` says whether any did. */
function placePicker(records: RecordSet, place: Place, used: { placed: boolean }) {
  return (name: string) => {
    let value: unknown;
    if (name === 'divisionId' || name === 'targetDivisionId' || name === 'parentId') value = records.divisionOf[place];
    else if (referenceCreators[name]) value = records.ids.get(referenceCreators[name]!)?.[place];
    if (value !== undefined) used.placed = true;
    return value;
  };
}

/** A body that passes the route's schema, naming records at `place` where fields refer to one. */
export function bodyFor(route: CataloguedRoute, records: RecordSet, place: Place, used = { placed: false }): unknown {
  const schema = jsonSchemaOf(route.schema?.body);
  if (!schema) return undefined;
  const sample = sampleOf(schema as JsonSchema, placePicker(records, place, used));
  const extra = bodyExtras[`${route.method} ${route.url}`];
  if (extra && sample && typeof sample === 'object') {
    used.placed = true;
    return { ...(sample as object), ...extra(records, place) };
  }
  return sample;
}

/** The query string of required parameters, naming records at `place` (attachments by owner). */
export function queryFor(route: CataloguedRoute, records?: RecordSet, place: Place = 'huaxin', used = { placed: false }): string {
  const schema = jsonSchemaOf(route.schema?.querystring);
  const pick = records ? placePicker(records, place, used) : () => undefined;
  const sample = sampleOf(schema ?? undefined, pick) as Record<string, unknown> | undefined;
  if (!sample || typeof sample !== 'object') return '';
  if (records && typeof sample.ownerType === 'string' && 'ownerId' in sample) {
    sample.ownerId = records.ids.get(attachmentOwnerCreators[sample.ownerType] ?? '')?.[place] ?? sample.ownerId;
    used.placed = true;
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(sample)) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Creators: POST routes that answer 201, made in dependency order (parents before children). */
function creators(routes: CataloguedRoute[]): CataloguedRoute[] {
  return routes
    .filter((r) => r.method === 'POST' && r.url.startsWith('/api/') && r.schema?.response?.['201'] && !r.url.startsWith('/api/public') && !r.url.startsWith('/api/portal'))
    .sort((a, b) => a.url.split(':').length - b.url.split(':').length);
}

/**
 * One record of every kind the API can make, in 华新镇 and in 金山区, made by the system admin
 * through the API itself (so they are the records real users would have). Two passes: a creator
 * whose body names another kind may need that kind made first.
 */
export async function makeRecords(t: TestApp, admin: TestClient): Promise<RecordSet> {
  const records: RecordSet = {
    divisionOf: { huaxin: t.fixture.divisions.huaxin.id, jinshan: t.fixture.divisions.jinshan.id },
    ids: new Map(),
    failures: new Map(),
  };
  const list = creators(t.app.routeCatalogue);
  for (let pass = 0; pass < 2; pass++) {
    for (const route of list) {
      for (const place of places) {
        if (records.ids.get(route.url)?.[place] !== undefined) continue;
        const params = paramsFor(route, records, place);
        if (!params) continue;
        const response = await admin.post(fillUrl(route.url, params), bodyFor(route, records, place) ?? {});
        if (response.statusCode === 201) {
          const entry = records.ids.get(route.url) ?? { huaxin: undefined, jinshan: undefined };
          entry[place] = (response.json() as { id: number }).id;
          records.ids.set(route.url, entry);
          records.failures.delete(route.url);
        } else {
          records.failures.set(route.url, `${response.statusCode} ${response.body.slice(0, 300)}`);
        }
      }
    }
  }
  return records;
}
