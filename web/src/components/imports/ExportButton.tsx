import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/form-errors.ts';
import { downloadExport, exportPaths } from '../../api/imports.ts';
import { saveFile } from '../../lib/save-file.ts';

type Filters = Record<string, string | number | boolean | null | undefined>;

/**
 * Download the list as filtered on screen as .xlsx (phones masked by the server, the export
 * audited). Paging is left out: the file holds every matching row. Hidden for lists without an export.
 */
export function ExportButton({ entity, filters, path: givenPath }: { entity: keyof typeof exportPaths; filters: Filters; path?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const path = givenPath ?? exportPaths[entity];
  if (!path) return null;
  const run = async () => {
    setLoading(true);
    try {
      const { page: _page, pageSize: _pageSize, ...rest } = filters;
      saveFile(await downloadExport(path, rest));
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={loading} onClick={() => void run()} data-testid={`export-${entity}`}>
      {t('registry.exports.button')}
    </Button>
  );
}
