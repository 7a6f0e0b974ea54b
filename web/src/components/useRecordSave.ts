import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reportSaveError } from './form-helpers.ts';

interface Options {
  /** What to reload after a save (and after a 409): a query key prefix, or a function for several. */
  refresh: QueryKey | (() => Promise<unknown>);
  onClose: () => void;
  onSaved?: ((id: number) => void) | undefined;
}

/**
 * The save flow every record drawer shares. `create` sends the new record, names it in a message and
 * hands its id to `onSaved`; `update` sends only the changed fields (or says nothing changed). Both
 * then reload the lists and close the drawer. A failure stays in the drawer: field messages under
 * their fields, a 409 (changed meanwhile) shows the server's message and reloads the record.
 *
 * @example
 * const { saving, create, update } = useRecordSave(form, { refresh: brandKeys.all, onClose, onSaved });
 * create(() => createBrand(input), (brand) => t('registry.common.createdNamed', { name: brand.name }));
 * update(changedFields(before, input), (changes) => updateBrand(id, { ...changes, version }));
 */
export function useRecordSave(form: FormInstance, { refresh, onClose, onSaved }: Options) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const reload = () => (typeof refresh === 'function' ? refresh() : queryClient.invalidateQueries({ queryKey: refresh }));

  const run = async (write: () => Promise<void>) => {
    setSaving(true);
    try {
      await write();
      await reload();
      onClose();
    } catch (error) {
      await reportSaveError(error, form, (text) => message.error(text), t('common.networkError'), reload);
    } finally {
      setSaving(false);
    }
  };

  const create = <T extends { id: number }>(send: () => Promise<T>, createdText: (created: T) => string) =>
    run(async () => {
      const created = await send();
      message.success(createdText(created));
      onSaved?.(created.id);
    });

  const update = <C extends object>(changes: C, send: (changes: C) => Promise<unknown>) =>
    run(async () => {
      if (Object.keys(changes).length === 0) {
        message.info(t('common.noChanges'));
        return;
      }
      await send(changes);
      message.success(t('common.saved'));
    });

  return { saving, create, update };
}
