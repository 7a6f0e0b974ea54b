import type { DrillFigure } from '@tongxin/core';
import { describe, expect, it } from 'vitest';
import { drillHref } from './drill.ts';

const figures: Array<[DrillFigure, string | undefined]> = [
  ['organisations', undefined],
  ['members', undefined],
  ['venues', undefined],
  ['venues.level', 'district'],
  ['venues.stars', '5'],
  ['projects', undefined],
  ['projects.overdue', undefined],
  ['activities', undefined],
  ['needs', undefined],
  ['cases', undefined],
  ['competitions', undefined],
  ['money', undefined],
  ['investment.stage', 'signed'],
  ['investment.signed', undefined],
  ['talents', undefined],
  ['articles', undefined],
];

describe('drillHref: every figure drills, at every level', () => {
  it('at "all divisions" every figure has a list, and no division filter is added', () => {
    expect(figures.length).toBe(16);
    for (const [figure, key] of figures) {
      const href = drillHref(figure, { divisionId: null, from: '2026-01-01', to: '2026-06-30', ...(key ? { key } : {}) });
      expect(href, figure).not.toBe(null);
      expect(href, figure).not.toContain('divisionId');
    }
  });

  it('for one division every figure keeps the division', () => {
    for (const [figure] of figures) expect(drillHref(figure, { divisionId: 7, from: '2026-01-01', to: '2026-06-30' }), figure).toContain('divisionId=7');
  });

  it('names the exact lists: cases with an exclusive end, signed leads, talents as a tab of the leads page', () => {
    expect(drillHref('cases', { from: '2026-01-01', to: '2026-06-30' })).toBe('/cases?from=2026-01-01&to=2026-07-01');
    expect(drillHref('investment.signed', { divisionId: 3, from: '2026-01-01', to: '2026-06-30' })).toBe('/leads?divisionId=3&signedFrom=2026-01-01&signedTo=2026-06-30');
    expect(drillHref('talents', { from: '2026-01-01', to: '2026-06-30' })).toBe('/leads?tab=talents&from=2026-01-01&to=2026-06-30');
    expect(drillHref('money', {  from: '2026-01-01', to: '2026-06-30' })).toBe('/campaigns');
  });
});
