import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { drillDown, type DrillFigure, type DrillInput } from '@tongxin/core';

/**
 * Lists that have a page in this UI and read these filters from the URL. A figure whose list has
 * no page yet (campaigns, leads, talent intakes) is shown but not clickable.
 */
const pages = new Set(['organisations', 'venues', 'projects', 'activities', 'pairings', 'needs', 'cases', 'competitions', 'articles']);

/** The URL of the list behind a figure, or null when that list has no page. */
export function drillHref(figure: DrillFigure, input: DrillInput): string | null {
  const target = drillDown(figure, input);
  if (!pages.has(target.list)) return null;
  // The needs page opens on the claim board; the filtered list is its "all" view.
  const query = new URLSearchParams(target.list === 'needs' ? { view: 'all', ...target.query } : target.query);
  const path = target.id !== undefined ? `/${target.list}/${target.id}` : `/${target.list}`;
  return query.size ? `${path}?${query}` : path;
}

/** `drill(figure, extra)` → a click handler that opens the list behind the figure, or undefined. */
export function useDrill(base: { divisionId: number | null; from: string; to: string }) {
  const navigate = useNavigate();
  return useCallback(
    (figure: DrillFigure, extra: Partial<DrillInput> = {}) => {
      const divisionId = extra.divisionId ?? base.divisionId;
      if (!divisionId) return undefined;
      const href = drillHref(figure, { divisionId, from: base.from, to: base.to, ...extra });
      return href ? () => void navigate(href) : undefined;
    },
    [base.divisionId, base.from, base.to, navigate],
  );
}
