import { useEffect } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import { leadOrigins, type LeadOrigin, type LeadUpdate } from '@tongxin/core';
import { formatFen } from '@tongxin/core/money';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { createLead, leadKeys, updateLead, type LeadDetail } from '../../api/leads.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { changedFields, dateField, reportSaveError, textOrNull } from '../../components/form-helpers.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { fenOf, moneyRule } from '../campaigns/money.tsx';

interface Values {
  divisionId: number;
  firmName: string;
  sector?: string | null;
  origin: LeadOrigin;
  sourceOrganisationId?: number | null;
  sourceNote?: string | null;
  firstContactOn?: string | null;
  contract?: string;
  landed?: string;
  note?: string | null;
}

/** What an edit may change (the stage moves only through its own steps; the division stays). */
type Editable = Omit<LeadUpdate, 'version'>;

/** Fen as the exact number of 万元 the amount fields take (1 fen = 0.000001万), so an untouched field reads back the same. */
const wanText = (fen: number | null) => (fen === null ? '' : formatFen(fen, { unit: 'wan', decimals: 6, grouping: false, suffix: false }));

const editableOf = (lead: LeadDetail): Editable => ({
  firmName: lead.firmName,
  sector: lead.sector,
  origin: lead.origin,
  sourceOrganisationId: lead.sourceOrganisationId,
  sourceNote: lead.sourceNote,
  firstContactOn: lead.firstContactOn,
  contractFen: lead.contractFen,
  landedFen: lead.landedFen,
  note: lead.note,
});

/**
 * A new lead (starts at 线索): firm, sector, where the money comes from, who brought it (以商引商).
 * Given `lead`, the same drawer edits it: it sends only the changed fields with the version it loaded.
 */
export function LeadDrawer({ open, lead, onClose, onSaved }: { open: boolean; lead?: LeadDetail; onClose: () => void; onSaved?: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const showContract = lead !== undefined && (lead.contractFen !== null || lead.stage === 'signed' || lead.stage === 'landed');
  const showLanded = lead !== undefined && (lead.landedFen !== null || lead.stage === 'landed');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (lead) {
      // The form holds what an edit may change, with the amounts typed in 万元 instead of fen.
      const { contractFen, landedFen, ...fields } = editableOf(lead);
      form.setFieldsValue({ ...fields, contract: wanText(contractFen ?? null), landed: wanText(landedFen ?? null) });
    } else form.setFieldsValue({ divisionId: me?.divisionId ?? undefined, origin: 'domestic' });
  }, [open, lead, form, me?.divisionId]);

  const reload = () => queryClient.invalidateQueries({ queryKey: leadKeys.all });
  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (!lead) {
        const created = await createLead({ divisionId: v.divisionId, firmName: v.firmName, sector: v.sector || null, origin: v.origin, sourceOrganisationId: v.sourceOrganisationId ?? null, sourceNote: v.sourceNote || null, note: v.note || null, stage: 'lead' });
        return created;
      }
      const after: Editable = {
        firmName: v.firmName.trim(),
        sector: textOrNull(v.sector),
        origin: v.origin,
        sourceOrganisationId: v.sourceOrganisationId ?? null,
        sourceNote: textOrNull(v.sourceNote),
        firstContactOn: v.firstContactOn ?? null,
        contractFen: showContract ? (textOrNull(v.contract) ? fenOf(v.contract!) : null) : lead.contractFen,
        landedFen: showLanded ? (textOrNull(v.landed) ? fenOf(v.landed!) : null) : lead.landedFen,
        note: textOrNull(v.note),
      };
      const changes = changedFields(editableOf(lead), after);
      if (Object.keys(changes).length === 0) {
        message.info(t('common.noChanges'));
        return lead;
      }
      const saved = await updateLead(lead.id, { ...changes, version: lead.version });
      queryClient.setQueryData(leadKeys.detail(lead.id), saved);
      message.success(t('common.saved'));
      return saved;
    },
    onSuccess: (saved) => {
      void reload();
      onClose();
      onSaved?.(saved.id);
    },
    onError: (error) => {
      if (lead) void reportSaveError(error, form, (text) => message.error(text), t('common.networkError'), reload);
      else if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });

  const amountField = (name: 'contract' | 'landed', label: string) => (
    <Form.Item name={name} label={label} rules={[moneyRule(t)]} extra={t('judgingWeb.money.hint')}>
      <Input suffix={t('judgingWeb.money.wan')} style={{ width: 200 }} data-testid={`lead-form-${name}`} />
    </Form.Item>
  );
  return (
    <RecordDrawer
      open={open}
      title={lead ? t('judgingWeb.leads.editTitle', { name: lead.firmName }) : t('judgingWeb.leads.create')}
      onClose={onClose}
      onSave={() => void form.validateFields().then((v) => save.mutate(v))}
      saving={save.isPending}
      canSave={!lead || lead.allowed.includes('manage')}
      loading={false}
      loadError={null}
      testId="lead-drawer"
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="firmName" label={t('judgingWeb.leads.firm')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} data-testid="lead-form-firm" />
        </Form.Item>
        {!lead && (
          <Form.Item name="divisionId" label={t('work.common.division')} rules={[{ required: true }]}>
            <DivisionPicker />
          </Form.Item>
        )}
        <Form.Item name="sector" label={t('judgingWeb.leads.sector')}>
          <Input maxLength={40} data-testid="lead-form-sector" />
        </Form.Item>
        <Form.Item name="origin" label={t('judgingWeb.leads.origin')} rules={[{ required: true }]}>
          <Select options={enumOptions(t, 'judging.leadOrigins', leadOrigins)} data-testid="lead-form-origin" />
        </Form.Item>
        <Form.Item name="sourceOrganisationId" label={t('judgingWeb.leads.source')} extra={t('judgingWeb.leads.sourceHint')}>
          <OrganisationPicker initialLabel={lead?.sourceOrganisationName ?? null} data-testid="lead-form-source" />
        </Form.Item>
        <Form.Item name="sourceNote" label={t('judgingWeb.leads.sourceNote')}>
          <Input maxLength={200} data-testid="lead-form-source-note" />
        </Form.Item>
        {lead && (
          <Form.Item name="firstContactOn" label={t('judgingWeb.leads.firstContactOn')} {...dateField}>
            <DatePicker data-testid="lead-form-first-contact" />
          </Form.Item>
        )}
        {showContract && amountField('contract', t('judgingWeb.leads.contractWan'))}
        {showLanded && amountField('landed', t('judgingWeb.leads.landedWan'))}
        <Form.Item name="note" label={t('work.common.note')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="lead-form-note" />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
