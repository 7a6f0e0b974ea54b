import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { messageOf } from '../api/form-errors.ts';

interface Props {
  archived: boolean;
  /** Calls the archive or unarchive endpoint with the version the user saw. */
  run: (archive: boolean) => Promise<unknown>;
  /** Refresh what shows the record, after success and after a 409 (someone else changed it). */
  onDone: () => Promise<unknown> | void;
  size?: 'small' | 'middle';
  link?: boolean;
  testId?: string;
}

/** Archive (records others link to are never deleted) or bring back, after a confirmation. */
export function ArchiveAction({ archived, run, onDone, size = 'small', link = true, testId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      await run(!archived);
      message.success(archived ? t('registry.common.unarchived') : t('registry.common.archivedDone'));
      await onDone();
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
      if (error instanceof ApiError && error.status === 409) await onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={archived ? t('registry.common.confirmUnarchive') : t('registry.common.confirmArchive')} onConfirm={() => go()} okButtonProps={{ danger: !archived }}>
      <Button type={link ? 'link' : 'default'} size={size} danger={!archived} loading={busy} data-testid={testId}>
        {archived ? t('registry.common.unarchive') : t('registry.common.archive')}
      </Button>
    </Popconfirm>
  );
}
