import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { drillDown, type DrillFigure, type DrillInput } from '@tongxin/core';

/** Lists that have a page in this UI and read these filters from the URL: every figure's list. */
const pages = new Set(['organisations', 'venues', 'projects', 'activities', 'pairings', 'needs', 'cases', 'competitions', 'campaigns', 'leads', 'talent-intakes', 'articles']);

/** The URL of the list behind a figure, or null when that list has no page. */
export function drillHref(figure: DrillFigure, input: DrillInput): string | null {
  const target = drillDown(figure, input);
  if (!pages.has(target.list)) return null;
  // The needs page opens on the claim board; the filtered list is its "all" view. Talent intakes
  // are a tab of the leads page.
  const extra: Record<string, string> = target.list === 'needs' ? { view: 'all' } : target.list === 'talent-intakes' ? { tab: 'talents' } : {};
  const query = new URLSearchParams({ ...extra, ...target.query });
  const list = target.list === 'talent-intakes' ? 'leads' : target.list;
  const path = target.id !== undefined ? `/${list}/${target.id}` : `/${list}`;
  return query.size ? `${path}?${query}` : path;
}

/** `drill(figure, extra)` → a click handler that opens the list behind the figure, or undefined. */
export function useDrill(base: { divisionId: number | null; from: string; to: string }) {
  const navigate = useNavigate();
  return useCallback(
    (figure: DrillFigure, extra: Partial<DrillInput> = {}) => {
      // At "all divisions" (no division) the lists cover the reader's whole scope, like the figure.
      const divisionId = extra.divisionId ?? base.divisionId;
      const href = drillHref(figure, { divisionId, from: base.from, to: base.to, ...extra });
      return href ? () => void navigate(href) : undefined;
    },
    [base.divisionId, base.from, base.to, navigate],
  );
}
