import { Alert, Button, Descriptions, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageOf, applyFieldErrors } from '../../api/form-errors.ts';
import { trackTicket } from '../../api/portal.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { formatDateTime } from '../../lib/time.ts';
import { PortalFrame } from './PortalFrame.tsx';
import styles from './portal.module.css';

interface Values {
  ticketNo: string;
  phoneLast4: string;
}

/**
 * 进度查询: the ticket number and the phone's last four digits show the public steps and the final
 * reply. The digits never go into the URL (only the ticket does, so a link can be kept).
 */
export function PortalTrackPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const [form] = Form.useForm<Values>();
  const track = useMutation({ mutationFn: (values: Values) => trackTicket(values.ticketNo, values.phoneLast4), onError: (error) => applyFieldErrors(form, error) });
  const result = track.data;

  return (
    <PortalFrame testId="portal-track-page">
      <div className={styles.panel}>
        <Form<Values>
          form={form}
          layout="vertical"
          size="large"
          initialValues={{ ticketNo: url.get('ticket') ?? '' }}
          onFinish={(values) => {
            url.set({ ticket: values.ticketNo.trim() });
            track.mutate(values);
          }}
        >
          <Form.Item name="ticketNo" label={t('requestPages.portal.ticketNo')} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="portal-track-ticket" autoCapitalize="characters" />
          </Form.Item>
          <Form.Item name="phoneLast4" label={t('requestPages.portal.phoneLast4')} rules={[{ required: true, pattern: /^\d{4}$/, message: t('validation.phone_last4') }]}>
            <Input data-testid="portal-track-phone" inputMode="numeric" maxLength={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={track.isPending} data-testid="portal-track-submit">
            {t('requestPages.portal.trackSubmit')}
          </Button>
        </Form>
      </div>
      {track.error && !form.getFieldsError().some((field) => field.errors.length) && (
        <Alert type="error" showIcon title={messageOf(track.error, t('common.networkError'))} data-testid="portal-track-error" />
      )}
      {result && (
        <div className={styles.panel} data-testid="portal-track-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('requestPages.portal.ticketNo')}>{result.ticketNo}</Descriptions.Item>
            <Descriptions.Item label={t('requestPages.portal.titleField')}>{result.title}</Descriptions.Item>
            <Descriptions.Item label={t('requestPages.portal.category')}>{t(`requests.categories.${result.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('requestPages.portal.division')}>{result.divisionName}</Descriptions.Item>
            <Descriptions.Item label={t('requestPages.portal.status')}>
              <Tag color="red" data-testid="portal-track-status" data-status={result.status}>
                {t(`requests.portalStatuses.${result.status}`)}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          {result.reply && (
            <Alert
              type="success"
              title={t('requestPages.portal.reply')}
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }} data-testid="portal-track-reply">
                    {result.reply.text}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">{formatDateTime(result.reply.at)}</Typography.Text>
                </>
              }
              style={{ margin: '12px 0' }}
            />
          )}
          <Typography.Title level={5}>{t('requestPages.portal.steps')}</Typography.Title>
          <Timeline
            data-testid="portal-track-steps"
            items={result.steps.map((step) => ({
              children: (
                <>
                  <strong>{step.label}</strong>
                  {step.unitName && <Typography.Text type="secondary"> · {step.unitName}</Typography.Text>}
                  <div>
                    <Typography.Text type="secondary">{formatDateTime(step.at)}</Typography.Text>
                  </div>
                  {step.note && <div style={{ whiteSpace: 'pre-wrap' }}>{step.note}</div>}
                </>
              ),
            }))}
          />
        </div>
      )}
    </PortalFrame>
  );
}
