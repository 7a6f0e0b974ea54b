import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import type { NeedDetail } from '@tongxin/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { routeNeedToCase } from '../../api/needs.ts';

/**
 * 转为派单办理: a portal wish no organisation should claim (it needs a government unit) becomes a
 * request on the dispatch route. Confirm with an optional staff-only reason, then open the case.
 */
export function RouteToCaseButton({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();

  const save = async ({ note }: { note?: string }) => {
    setSaving(true);
    try {
      const { caseId } = await routeNeedToCase(need.id, { note: note?.trim() || undefined, version: need.version });
      message.success(t('requestPages.common.stepDone', { action: t('requests.actions.route_to_case') }));
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['needs'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void navigate(`/cases/${caseId}`);
    } catch (failure) {
      message.error(messageOf(failure, t('common.networkError')));
      void queryClient.invalidateQueries({ queryKey: ['needs', 'detail', need.id] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button
        onClick={() => {
          form.resetFields();
          setOpen(true);
        }}
        data-testid="need-route-to-case"
      >
        {t('requests.actions.route_to_case')}
      </Button>
      <Modal
        open={open}
        title={t('requestPages.needs.routeTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: saving, 'data-testid': 'need-route-ok' } as ButtonProps}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('requestPages.needs.routeHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="note" label={t('requestPages.needs.routeNote')}>
            <Input.TextArea data-testid="need-route-note" rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
