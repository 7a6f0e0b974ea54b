import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActorLabel, auditEntityLabel } from './audit-labels.ts';

const words: Record<string, string> = {
  'actions.venue.create': '新建阵地',
  'ux.actions.portal.submit': '群众提交诉求',
  'entities.case': '诉求',
  'entities.organisation': '组织',
  'ux.auditEntities.talent': '人才引进',
  'requests.actions.dispatch': '派单',
  'ux.auditVerbs.export': '导出',
  'ux.auditActors.system': '系统',
};
const exists = (key: string) => key in words || key === 'ux.audit.compose';
const t = (key: string, params?: Record<string, unknown>) => (key === 'ux.audit.compose' ? `${String(params?.entity)} · ${String(params?.verb)}` : (words[key] ?? key));

describe('audit labels: no raw key reaches the page', () => {
  it('reads a known code from actions, then from ux.actions', () => {
    expect(auditActionLabel('venue.create', t, exists)).toBe('新建阵地');
    expect(auditActionLabel('portal.submit', t, exists)).toBe('群众提交诉求');
  });

  it('says an entity and a step together when only the two words are known', () => {
    expect(auditActionLabel('case.dispatch', t, exists)).toBe('诉求 · 派单');
    expect(auditActionLabel('organisation.export', t, exists)).toBe('组织 · 导出');
  });

  it('falls back to the code itself only when nothing knows it', () => {
    expect(auditActionLabel('spaceship.launch', t, exists)).toBe('spaceship.launch');
    expect(auditActionLabel('nodot', t, exists)).toBe('nodot');
  });

  it('translates entities from either section, and system actors but not people', () => {
    expect(auditEntityLabel('talent', t, exists)).toBe('人才引进');
    expect(auditEntityLabel('case', t, exists)).toBe('诉求');
    expect(auditActorLabel('system', false, t, exists)).toBe('系统');
    expect(auditActorLabel('system', true, t, exists)).toBe('system');
    expect(auditActorLabel('王芳', true, t, exists)).toBe('王芳');
    expect(auditActorLabel(null, false, t, exists)).toBe('—');
  });
});
