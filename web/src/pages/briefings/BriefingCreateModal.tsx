import { App, DatePicker, Form, Input, Modal, type ButtonProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { briefingKeys, createBriefing } from '../../api/briefings.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';

interface Values {
  divisionId: number;
  period: [Dayjs, Dayjs];
  title?: string;
}

interface Props {
  open: boolean;
  initial: { divisionId?: number | undefined; from?: string | undefined; to?: string | undefined };
  onClose: () => void;
  onCreated: (id: number) => void;
}

/** Pick a division and a period: the server writes the draft from that period's figures. */
export function BriefingCreateModal({ open, initial, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (values: Values) =>
      createBriefing({
        divisionId: values.divisionId,
        from: values.period[0].format('YYYY-MM-DD'),
        to: values.period[1].format('YYYY-MM-DD'),
        ...(values.title?.trim() ? { title: values.title.trim() } : {}),
      }),
    onSuccess: (briefing) => {
      void queryClient.invalidateQueries({ queryKey: briefingKeys.all });
      message.success(t('briefings.created'));
      onCreated(briefing.id);
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });

  return (
    <Modal
      open={open}
      title={t('briefings.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('briefings.generate')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'briefing-create-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          divisionId: initial.divisionId,
          period: initial.from && initial.to ? [dayjs(initial.from), dayjs(initial.to)] : [dayjs().startOf('year'), dayjs()],
        }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item name="divisionId" label={t('briefings.division')} rules={[{ required: true, message: t('briefings.divisionRequired') }]}>
          <DivisionPicker allowClear={false} data-testid="briefing-create-division" />
        </Form.Item>
        <Form.Item name="period" label={t('briefings.period')} rules={[{ required: true, message: t('briefings.periodRequired') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} allowClear={false} data-testid="briefing-create-period" />
        </Form.Item>
        <Form.Item name="title" label={t('briefings.titleOptional')}>
          <Input maxLength={120} placeholder={t('briefings.titlePlaceholder')} data-testid="briefing-create-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
