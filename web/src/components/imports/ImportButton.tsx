import { useState } from 'react';
import { Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { importKeys, listImportEntities } from '../../api/imports.ts';
import { ImportWizard } from './ImportWizard.tsx';

/**
 * "Import from Excel" on a list, shown only when the server has an import for it that this user
 * may run (`GET /api/imports` leaves the others out).
 */
export function ImportButton({ entity, onImported, label }: { entity: string; onImported: () => void; label?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // A fresh wizard each time it is opened: the last file's preview is not shown again.
  const [session, setSession] = useState(0);
  const { data } = useQuery({ queryKey: importKeys.entities, queryFn: listImportEntities, staleTime: 5 * 60_000 });
  const definition = data?.find((item) => item.entity === entity);
  if (!definition) return null;
  return (
    <>
      <Button
        icon={<UploadOutlined />}
        onClick={() => {
          setSession((n) => n + 1);
          setOpen(true);
        }}
        data-testid={`import-open-${entity}`}
      >
        {label ?? t('registry.imports.open')}
      </Button>
      <ImportWizard key={session} open={open} entity={entity} label={definition.label} onClose={() => setOpen(false)} onImported={onImported} />
    </>
  );
}
