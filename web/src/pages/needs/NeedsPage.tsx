import { useState } from 'react';
import { Card, Checkbox, Flex, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Need } from '@tongxin/core';
import { claimStates } from '@tongxin/core/sla/claim-states';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { caseKeys, fetchMyUnits } from '../../api/cases.ts';
import { messageOf } from '../../api/form-errors.ts';
import { listNeeds, needBoard, needKeys, type BoardFilters, type NeedFilters } from '../../api/needs.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { writesWork } from '../projects/work-shared.tsx';
import { NeedPostDrawer } from './NeedPostDrawer.tsx';
import { NeedDateFlag, NeedStateTag } from './need-shared.tsx';

/**
 * 需求认领: the open-needs board (what the user's organisations can take, matched on the services
 * their resources offer) and the list of all needs of the subtree. View and filters are in the URL.
 */
export function NeedsPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [posting, setPosting] = useState(false);
  const view = url.get('view') === 'all' ? 'all' : 'board';
  const mine = useQuery({ queryKey: caseKeys.myUnits, queryFn: fetchMyUnits, staleTime: 5 * 60_000 });
  const orgs = (mine.data ?? []).filter((unit) => unit.type === 'organisation');
  // With no choice in the URL, the board matches the first organisation the user acts for.
  const match = url.get('match') === 'all' ? undefined : (url.getNumber('match') ?? orgs[0]?.id);
  const paging = readPaging(url, []);
  const board: BoardFilters = { q: url.get('q'), matchOrganisationId: match, ...paging };
  const state = claimStates.find((one) => one === url.get('state'));
  const flag = url.get('flag') === 'due_soon' || url.get('flag') === 'past_due' ? (url.get('flag') as 'due_soon' | 'past_due') : undefined;
  const list: NeedFilters = { q: url.get('q'), state, flag, divisionId: url.getNumber('divisionId'), ...paging };
  const query = useQuery({
    queryKey: view === 'board' ? needKeys.board(board) : needKeys.list(list),
    queryFn: () => (view === 'board' ? needBoard(board) : listNeeds(list)),
    placeholderData: keepPreviousData,
    enabled: view === 'all' || mine.isFetched,
  });

  const columns = [
    {
      title: t('requestPages.needs.title'),
      dataIndex: 'title',
      render: (title: string, row: Need) => (
        <Space size={4} wrap>
          <Link to={`/needs/${row.id}`} data-testid={`need-link-${row.id}`}>
            {title}
          </Link>
          <NeedDateFlag need={row} />
        </Space>
      ),
    },
    { title: t('requestPages.common.state'), dataIndex: 'state', width: 100, render: (value: Need['state']) => <NeedStateTag state={value} /> },
    { title: t('requestPages.needs.services'), dataIndex: 'serviceKinds', width: 200, render: (kinds: Need['serviceKinds']) => kinds.map((kind) => <Tag key={kind.id}>{kind.name}</Tag>) },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 120 },
    { title: t('requestPages.needs.wantedBy'), dataIndex: 'wantedBy', width: 110, render: (date: string | null) => date ?? '—' },
    { title: t('requestPages.needs.claimant'), dataIndex: 'claimant', width: 160, render: (claimant: Need['claimant']) => claimant?.name ?? '—' },
    { title: t('requestPages.needs.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => <span className="tx-numeric">{formatDateTime(at)}</span> },
  ];

  return (
    <Card title={t('requestPages.needs.listTitle')} data-testid="needs-page" extra={
        <ListActions
          onRefresh={() => void query.refetch()}
          refreshing={query.isFetching && !query.isPending}
          onCreate={writesWork(me) ? () => setPosting(true) : undefined}
          createLabel={t('requestPages.needs.post')}
          createTestId="need-post"
        >
          {view === 'all' ? <ExportButton entity="need" filters={Object.fromEntries(Object.entries(list))} /> : null}
        </ListActions>
      }>
      <Tabs
        activeKey={view}
        onChange={(key) => url.set({ view: key === 'board' ? null : key, state: null, flag: null, match: null })}
        items={[
          { key: 'board', label: <span data-testid="needs-tab-board">{t('requestPages.needs.board')}</span> },
          { key: 'all', label: <span data-testid="needs-tab-all">{t('requestPages.needs.all')}</span> },
        ]}
      />
      <Flex vertical gap={16}>
        <Flex gap={8} wrap="wrap" align="center" data-testid="need-filters">
          <SearchBox value={url.get('q')} onSearch={(q) => url.set({ q })} placeholder={t('requestPages.needs.searchPlaceholder')} style={{ width: 200 }} data-testid="need-filter-q" />
          {view === 'board' ? (
            <Select
              data-testid="need-filter-match"
              value={match ?? 0}
              onChange={(value) => url.set({ match: value === 0 ? 'all' : value })}
              options={[{ value: 0, label: t('requestPages.needs.anyService') }, ...orgs.map((org) => ({ value: org.id, label: t('requestPages.needs.offeredBy', { name: org.name }) }))]}
              style={{ width: 260 }}
            />
          ) : (
            <>
              <Select
                data-testid="need-filter-state"
                allowClear
                placeholder={t('requestPages.common.allStates')}
                value={state}
                onChange={(value) => url.set({ state: value ?? null })}
                options={enumOptions(t, 'requests.claimStates', claimStates)}
                style={{ width: 130 }}
              />
              <DivisionPicker value={url.getNumber('divisionId') ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
              <Checkbox data-testid="need-filter-due-soon" checked={flag === 'due_soon'} onChange={(event) => url.set({ flag: event.target.checked ? 'due_soon' : null })}>
                {t('requests.dateFlags.due_soon')}
              </Checkbox>
              <Checkbox data-testid="need-filter-past-due" checked={flag === 'past_due'} onChange={(event) => url.set({ flag: event.target.checked ? 'past_due' : null })}>
                {t('requests.dateFlags.past_due')}
              </Checkbox>
            </>
          )}
        </Flex>
        {query.error ? (
          <LoadFailed error={query.error} message={messageOf(query.error, t('common.networkError'))} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Need>
            data-testid="need-table"
            rowKey="id"
            size="middle"
            loading={query.isPending}
            dataSource={query.data?.items ?? []}
            columns={columns}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Typography.Text type="secondary">{view === 'board' ? t('requestPages.needs.boardEmpty') : t('work.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(paging, query.data?.total ?? 0, t)}
            onChange={tableChange<Need>(url)}
          />
        )}
      </Flex>
      <NeedPostDrawer open={posting} onClose={() => setPosting(false)} onSaved={(id) => void navigate(`/needs/${id}`)} />
    </Card>
  );
}
