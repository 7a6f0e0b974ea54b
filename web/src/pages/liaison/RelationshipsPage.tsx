import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Tabs } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { messageOf } from '../../api/form-errors.ts';
import { liaisonKeys, listRelationships, listReminders, type RelationshipFilters } from '../../api/liaison.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { writesWork } from '../projects/work-shared.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';
import { NewRelationshipModal } from './NewRelationshipModal.tsx';
import { RelationshipTable } from './RelationshipTable.tsx';

/** 交朋友: relationships of the subtree and the reminders (no contact in the last quarter). */
export function RelationshipsPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const { data: me } = useMe();
  const canWrite = writesWork(me);
  const [creating, setCreating] = useState(false);
  const requested = url.get('tab');
  const tab = requested === 'reminders' || requested === 'meetings' ? requested : 'relationships';
  const filters: RelationshipFilters = {
    q: tab === 'relationships' ? url.get('q') : undefined,
    divisionId: url.getNumber('divisionId'),
    mine: url.get('mine') === 'true' ? 'true' : undefined,
    ...readPaging(url, []),
  };
  const list = useQuery({
    queryKey: tab === 'reminders' ? liaisonKeys.reminders(filters) : liaisonKeys.list(filters),
    queryFn: () => (tab === 'reminders' ? listReminders(filters) : listRelationships(filters)),
    placeholderData: keepPreviousData,
    enabled: tab !== 'meetings',
  });

  const body = list.error ? (
    <LoadFailed error={list.error} message={messageOf(list.error, t('common.networkError'))} onRetry={() => void list.refetch()} />
  ) : (
    <RelationshipTable
      testId={tab === 'reminders' ? 'reminder-table' : 'relationship-table'}
      items={list.data?.items ?? []}
      loading={list.isPending}
      pagination={tablePagination(filters, list.data?.total ?? 0, t)}
      onChange={tableChange(url)}
      emptyText={tab === 'reminders' ? t('work.liaison.noReminders') : t('work.common.noMatch')}
    />
  );

  return (
    <Card
      title={t('work.liaison.listTitle')}
      data-testid="liaison-page"
      extra={
        <ListActions
          onRefresh={() => void list.refetch()}
          refreshing={list.isFetching && !list.isPending}
          onCreate={canWrite && tab === 'relationships' ? () => setCreating(true) : undefined}
          createLabel={t('work.liaison.newRelationship')}
          createTestId="relationship-create"
        >
          {tab === 'relationships' ? <ExportButton entity="liaison" filters={Object.fromEntries(Object.entries(filters))} /> : null}
        </ListActions>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => url.set({ tab: key === 'relationships' ? null : key, q: null, page: null, year: null })}
        items={[
          { key: 'relationships', label: <span data-testid="tab-relationships">{t('work.liaison.relationships')}</span> },
          { key: 'reminders', label: <span data-testid="tab-reminders">{t('work.liaison.reminders')}</span> },
          { key: 'meetings', label: <span data-testid="tab-meetings">{t('work.meetings.tab')}</span> },
        ]}
      />
      {tab === 'meetings' ? (
        <MeetingsTab canWrite={canWrite} />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap="wrap" align="center">
            {tab === 'relationships' && <SearchBox value={filters.q} onSearch={(q) => url.set({ q })} placeholder={t('work.liaison.searchPlaceholder')} style={{ width: 200 }} />}
            <DivisionPicker value={filters.divisionId ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
            <Checkbox checked={filters.mine === 'true'} onChange={(event) => url.set({ mine: event.target.checked ? 'true' : null })}>
              {t('work.liaison.mineOnly')}
            </Checkbox>
            <Button onClick={() => url.set({ q: null, divisionId: null, mine: null })}>{t('common.reset')}</Button>
          </Flex>
          {tab === 'reminders' && <Alert type="warning" showIcon title={t('work.liaison.remindersHint')} />}
          {body}
        </Flex>
      )}
      <NewRelationshipModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
