import { useEffect, useState } from 'react';
import { App, DatePicker, Flex, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Phase } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { updatePhase } from '../../api/competitions.ts';
import { messageOf } from '../../api/form-errors.ts';
import { officeTimeZone } from '../../lib/time.ts';

/**
 * The picker works on Beijing wall-clock time whatever the browser's zone: an instant is shown as
 * its Shanghai time, and a picked time is sent with +08:00.
 */
const toPicker = (iso: string | null): Dayjs | null => (iso ? dayjs(dayjs.utc(iso).tz(officeTimeZone).format('YYYY-MM-DDTHH:mm:ss')) : null);
const fromPicker = (value: Dayjs | null): string | null => (value ? `${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00` : null);

/** Set a phase's window; new dates clear an opening or closing by hand (the server says so too). */
export function PhaseDatesModal({ competitionId, phase, onClose, onSaved }: { competitionId: number; phase: Phase | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [opensAt, setOpensAt] = useState<Dayjs | null>(null);
  const [closesAt, setClosesAt] = useState<Dayjs | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setOpensAt(toPicker(phase?.opensAt ?? null));
    setClosesAt(toPicker(phase?.closesAt ?? null));
  }, [phase]);
  const save = async () => {
    if (!phase) return;
    setSaving(true);
    try {
      await updatePhase(competitionId, phase.kind, { opensAt: fromPicker(opensAt), closesAt: fromPicker(closesAt), version: phase.version });
      onSaved();
      onClose();
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={phase !== null} title={phase ? t('judgingWeb.phases.datesTitle', { phase: t(`judging.phaseKinds.${phase.kind}`) }) : ''} onCancel={onClose} onOk={() => void save()} confirmLoading={saving} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('judgingWeb.phases.datesHint')}</Typography.Text>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={opensAt} onChange={setOpensAt} placeholder={t('judgingWeb.phases.opensAt')} />
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={closesAt} onChange={setClosesAt} placeholder={t('judgingWeb.phases.closesAt')} />
      </Flex>
    </Modal>
  );
}
