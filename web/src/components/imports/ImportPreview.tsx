import { Flex, Pagination, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import type { ImportJobDetail, ImportPreviewRow } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PreviewFilter } from '../../api/imports.ts';

interface Line {
  key: string;
  rowNumber: number;
  status: 'error' | 'duplicate' | 'ok';
  column: string | null;
  message: string;
  content: string;
}

/** The few cells that name a row (name first), so a problem can be found in the file. */
function contentOf(row: ImportPreviewRow, job: ImportJobDetail): string {
  const keys = job.columns.map((column) => column.key);
  const ordered = ['name', ...keys.filter((key) => key !== 'name')];
  return ordered
    .map((key) => row.cells[key])
    .filter((value): value is string => Boolean(value && value.trim()))
    .slice(0, 3)
    .join(' · ');
}

/** One line per problem, so each shows its row number, column and message. */
function linesOf(job: ImportJobDetail, t: TFunction): Line[] {
  return job.rows.items.flatMap((row): Line[] => {
    const content = contentOf(row, job);
    if (row.problems.length > 0) {
      return row.problems.map((problem, index) => ({
        key: `${row.rowNumber}-${index}`,
        rowNumber: row.rowNumber,
        status: 'error' as const,
        column: problem.column,
        message: problem.message,
        content,
      }));
    }
    const duplicate = row.duplicateOf !== null;
    return [
      {
        key: `${row.rowNumber}`,
        rowNumber: row.rowNumber,
        status: duplicate ? ('duplicate' as const) : ('ok' as const),
        column: null,
        message: duplicate ? t('registry.imports.duplicateOf', { id: row.duplicateOf }) : t('registry.imports.rowOk'),
        content,
      },
    ];
  });
}

interface Props {
  job: ImportJobDetail;
  only: PreviewFilter;
  onOnly: (only: PreviewFilter) => void;
  page: number;
  onPage: (page: number) => void;
  loading: boolean;
}

/** Counts of a checked file and its rows with their problems, a page at a time. */
export function ImportPreview({ job, only, onOnly, page, onPage, loading }: Props) {
  const { t } = useTranslation();
  const statusTag = { error: <Tag color="error">{t('registry.imports.statusError')}</Tag>, duplicate: <Tag color="warning">{t('registry.imports.statusDuplicate')}</Tag>, ok: <Tag color="success">{t('registry.imports.statusOk')}</Tag> };
  return (
    <Flex vertical gap={12}>
      <Flex gap={32} wrap="wrap">
        <Statistic title={t('registry.imports.countOk')} value={job.counts.ok} styles={{ content: { color: '#389e0d' } }} data-testid="import-count-ok" />
        <Statistic title={t('registry.imports.countError')} value={job.counts.error} styles={{ content: { color: job.counts.error > 0 ? '#cf1322' : undefined } }} data-testid="import-count-error" />
        <Statistic title={t('registry.imports.countDuplicate')} value={job.counts.duplicate} styles={{ content: { color: job.counts.duplicate > 0 ? '#d48806' : undefined } }} data-testid="import-count-duplicate" />
      </Flex>
      {job.ignoredHeaders.length > 0 && (
        <Typography.Text type="secondary">{t('registry.imports.ignoredColumns', { columns: job.ignoredHeaders.join(t('common.listSeparator')) })}</Typography.Text>
      )}
      <Segmented<PreviewFilter>
        value={only}
        onChange={onOnly}
        options={[
          { value: 'problems', label: t('registry.imports.onlyProblems') },
          { value: 'duplicates', label: t('registry.imports.onlyDuplicates') },
          { value: 'ok', label: t('registry.imports.onlyOk') },
          { value: 'all', label: t('registry.imports.onlyAll') },
        ]}
        data-testid="import-preview-filter"
      />
      <Table<Line>
        data-testid="import-problems"
        size="small"
        rowKey="key"
        loading={loading}
        dataSource={linesOf(job, t)}
        locale={{ emptyText: t('registry.imports.noRows') }}
        scroll={{ y: 300 }}
        // The server pages rows, a row may have several problems: the pager counts rows, below.
        pagination={false}
        columns={[
          { title: t('registry.imports.rowNumber'), dataIndex: 'rowNumber', width: 80, render: (value: number) => <span className="tx-numeric">{value}</span> },
          { title: t('registry.imports.status'), dataIndex: 'status', width: 90, render: (status: Line['status']) => statusTag[status] },
          { title: t('registry.imports.column'), dataIndex: 'column', width: 120, render: (column: string | null) => column ?? '—' },
          { title: t('registry.imports.message'), dataIndex: 'message' },
          { title: t('registry.imports.content'), dataIndex: 'content', width: 220, ellipsis: true },
        ]}
      />
      <Flex justify="flex-end">
        <Pagination
          size="small"
          current={page}
          pageSize={job.rows.pageSize}
          total={job.rows.total}
          showSizeChanger={false}
          onChange={onPage}
          showTotal={(total) => t('registry.imports.rowsTotal', { total })}
        />
      </Flex>
    </Flex>
  );
}
