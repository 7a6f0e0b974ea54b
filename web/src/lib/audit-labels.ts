/*
 * Words for the audit log. Most action codes have a label in `actions.*`; newer ones in
 * `ux.actions.*`. A code built from an entity and a request step (`case.dispatch`, `need.claim`,
 * `organisation.export`) is said as "entity · step" from the two words the files already have, so
 * no raw key reaches the page. Entries written by the system carry an actor key, not a person.
 */

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

const verbKeys = (verb: string) => [`ux.auditVerbs.${verb}`, `requests.actions.${verb}`];
const entityKeys = (entity: string) => [`entities.${entity}`, `ux.auditEntities.${entity}`];

/**
 * The label of an audit action code in the user's language, or the code itself when nothing knows it.
 *
 * @example auditActionLabel('case.dispatch', t, i18n.exists) // '诉求 · 派单'
 */
export function auditActionLabel(code: string, t: Translate, exists: Exists): string {
  for (const key of [`actions.${code}`, `ux.actions.${code}`]) if (exists(key)) return t(key);
  const dot = code.indexOf('.');
  if (dot > 0) {
    const entity = entityKeys(code.slice(0, dot)).find(exists);
    const verb = verbKeys(code.slice(dot + 1)).find(exists);
    if (entity && verb) return t('ux.audit.compose', { entity: t(entity), verb: t(verb) });
  }
  return code;
}

/** The label of an entity code (`case`, `talent`). */
export function auditEntityLabel(code: string, t: Translate, exists: Exists): string {
  const key = entityKeys(code).find(exists);
  return key ? t(key) : code;
}

/** An entry's actor: a person's name as stored, or the system actor (`system`, `portal`, `retention`) translated. */
export function auditActorLabel(name: string | null, hasUser: boolean, t: Translate, exists: Exists): string {
  if (name === null) return '—';
  if (!hasUser && exists(`ux.auditActors.${name}`)) return t(`ux.auditActors.${name}`);
  return name;
}
