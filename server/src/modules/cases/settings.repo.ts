import { type RequestSettings } from '@tongxin/core';
import {
  chinaCalendar,
  createHolidayCalendar,
  defaultOfficeHours,
  withOfficeHours,
  type HolidayCalendar,
  type HolidayCalendarDataInput,
  type OfficeHoursInput,
} from '@tongxin/core/calendar/index';
import { defaultKpiSettings, defaultSlaPolicy, type KpiSettings, type SlaPolicy } from '@tongxin/core/sla/index';
import type { Executor } from '../../db/database.ts';

/*
 * Per-office settings of the request routes: time limits, figure weights, holiday calendar and
 * office hours. Each part is inherited separately from the nearest office above that sets it, so
 * a district can set the calendar and a town only its own weights.
 */

export interface EffectiveSettings {
  policy: SlaPolicy;
  kpi: KpiSettings;
  calendar: HolidayCalendar;
  officeHours: OfficeHoursInput;
  /** The deepest division whose row supplied anything, or null for the built-in defaults. */
  fromDivisionId: number | null;
}

type SettingsRow = Awaited<ReturnType<typeof allSettings>>[number];

async function allSettings(db: Executor) {
  return db
    .selectFrom('request_settings as s')
    .innerJoin('divisions as d', 'd.id', 's.division_id')
    .select(['s.id', 's.division_id', 's.sla_policy', 's.kpi_settings', 's.holiday_calendar', 's.office_hours', 's.version', 'd.path', 'd.depth'])
    .execute();
}

/**
 * Built calendars by their stored text: building one parses a year of dates. Keyed by content,
 * not row id, so two databases in one process (tests, tools) never share a wrong calendar.
 */
const calendarCache = new Map<string, HolidayCalendar>();

function calendarOf(row: SettingsRow | undefined): HolidayCalendar {
  if (!row?.holiday_calendar) return chinaCalendar;
  const key = row.holiday_calendar;
  let calendar = calendarCache.get(key);
  if (!calendar) {
    calendar = createHolidayCalendar(JSON.parse(row.holiday_calendar) as HolidayCalendarDataInput);
    calendarCache.set(key, calendar);
  }
  return calendar;
}

function resolve(rows: SettingsRow[], path: string): EffectiveSettings {
  const chain = rows.filter((row) => path.startsWith(row.path)).sort((a, b) => b.depth - a.depth);
  const first = <K extends 'sla_policy' | 'kpi_settings' | 'holiday_calendar' | 'office_hours'>(key: K) => chain.find((row) => row[key] !== null);
  const sla = first('sla_policy');
  const kpi = first('kpi_settings');
  const hours = first('office_hours');
  const officeHours = hours ? (JSON.parse(hours.office_hours!) as OfficeHoursInput) : defaultOfficeHours;
  const baseCalendar = calendarOf(first('holiday_calendar'));
  return {
    policy: sla ? (JSON.parse(sla.sla_policy!) as SlaPolicy) : defaultSlaPolicy,
    kpi: kpi ? (JSON.parse(kpi.kpi_settings!) as KpiSettings) : defaultKpiSettings,
    calendar: hours ? withOfficeHours(baseCalendar, officeHours) : baseCalendar,
    officeHours,
    fromDivisionId: chain[0]?.division_id ?? null,
  };
}

/**
 * The settings that apply at each of the given divisions (by id, with their paths).
 *
 * @example
 * const settings = await effectiveSettings(db, new Map([[5, '/1/2/5/']]));
 * settings.get(5)!.policy.help.reply // { unit: 'working_days', amount: 3 }
 */
export async function effectiveSettings(db: Executor, paths: ReadonlyMap<number, string>): Promise<Map<number, EffectiveSettings>> {
  const rows = paths.size ? await allSettings(db) : [];
  return new Map([...paths].map(([id, path]) => [id, resolve(rows, path)]));
}

/** Paths of divisions by id. */
export async function divisionPaths(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('divisions').select(['id', 'path']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.path]));
}

/** The settings row of exactly this division, as the API shows it. */
export async function ownSettings(db: Executor, divisionId: number): Promise<RequestSettings | null> {
  const row = await db.selectFrom('request_settings').selectAll().where('division_id', '=', divisionId).executeTakeFirst();
  if (!row) return null;
  const parse = (text: string | null) => (text === null ? null : JSON.parse(text));
  return {
    divisionId: row.division_id,
    slaPolicy: parse(row.sla_policy),
    kpiSettings: parse(row.kpi_settings),
    holidayCalendar: parse(row.holiday_calendar),
    officeHours: parse(row.office_hours),
    version: row.version,
  };
}

export interface SettingsValues {
  slaPolicy: SlaPolicy | null;
  kpiSettings: KpiSettings | null;
  holidayCalendar: unknown;
  officeHours: unknown;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export async function insertSettings(db: Executor, divisionId: number, values: SettingsValues, at: string): Promise<void> {
  await db
    .insertInto('request_settings')
    .values({
      division_id: divisionId,
      sla_policy: json(values.slaPolicy),
      kpi_settings: json(values.kpiSettings),
      holiday_calendar: json(values.holidayCalendar),
      office_hours: json(values.officeHours),
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** Update with the optimistic version check; false when the version was stale. */
export async function updateSettings(db: Executor, divisionId: number, version: number, values: SettingsValues, at: string): Promise<boolean> {
  const result = await db
    .updateTable('request_settings')
    .set((eb) => ({
      sla_policy: json(values.slaPolicy),
      kpi_settings: json(values.kpiSettings),
      holiday_calendar: json(values.holidayCalendar),
      office_hours: json(values.officeHours),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('division_id', '=', divisionId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
