import { isOffice } from '@tongxin/core';
import { Tag } from 'antd';
import type { ProjectStatus } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/auth.ts';
import { listProjects } from '../../api/projects.ts';
import { listVenues } from '../../api/venues.ts';
import { RecordPicker, type RecordPickerProps } from '../../components/RecordPicker.tsx';
import { formatDate } from '../../lib/time.ts';

/** Staff and administrators record work in their subtree; records carry `allowed`, the API decides. */
export function writesWork(me: Me | null | undefined): boolean {
  return Boolean(me && isOffice(me));
}

const statusColours: Record<ProjectStatus, string> = { planned: 'default', active: 'processing', done: 'success', reviewed: 'purple' };

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColours[status]} data-testid="project-status">
      {t(`projectStatuses.${status}`)}
    </Tag>
  );
}

/** The red flag of a milestone not completed by its due date (Asia/Shanghai). */
export function OverdueTag({ count, testId }: { count?: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid={testId ?? 'overdue-flag'}>
      {count && count > 1 ? t('work.projects.overdueCount', { count }) : t('work.projects.overdue')}
    </Tag>
  );
}

async function searchVenues(q: string) {
  const page = await listVenues({ q: q || undefined, page: 1, pageSize: 20 });
  return page.items.map((item) => ({ id: item.id, name: item.name, hint: item.divisionName }));
}

async function searchProjects(q: string) {
  const page = await listProjects({ q: q || undefined, page: 1, pageSize: 20 });
  return page.items.map((item) => ({ id: item.id, name: item.title, hint: item.divisionName }));
}

export function VenuePicker(props: RecordPickerProps) {
  return <RecordPicker kind="venues" search={searchVenues} {...props} />;
}

export function ProjectPicker(props: RecordPickerProps) {
  return <RecordPicker kind="projects" search={searchProjects} {...props} />;
}

/** A `YYYY-MM-DD` date as it is (already a Beijing calendar date), a timestamp in Beijing time, or a dash. */
export function formatYmd(date: string | null | undefined): string {
  if (!date) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : formatDate(date);
}
