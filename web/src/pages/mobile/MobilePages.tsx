import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, List, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { fetchMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { acceptInvitation, checkIn, myClaimedNeeds, myEvents, participantMe, previewInvitation, registerForEvent, sendSmsCode, signInWithCode } from '../../api/participants.ts';
import { ClaimedNeedsCard, mobileNeedKeys, OpenNeedsCard } from './MobileNeeds.tsx';
import { NoticesCard, TodayCard } from './MobileNotices.tsx';
import { formatDateTime } from '../../lib/time.ts';

/*
 * The second front door (手机端): narrow pages (360–430 px) for participants, on the same API and
 * rules as the office pages. Tokens and door codes arrive in the URL fragment, which the browser
 * never sends to the server.
 */

const frame = { maxWidth: 430, margin: '0 auto', padding: 12 } as const;
const messageOf = (error: unknown, fallback: string) => (error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : fallback);

/** Phone + "get code" + code: shared by sign-in and joining. */
function PhoneCode({ onDone, extra, submitLabel }: { onDone: (phone: string, code: string, values: Record<string, string>) => Promise<void>; extra?: React.ReactNode; submitLabel: string }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Form
      layout="vertical"
      onFinish={async (values: Record<string, string>) => {
        setBusy(true);
        setError(null);
        try {
          await onDone(phone.replace(/\s/g, ''), values.code ?? '', values);
        } catch (caught) {
          setError(messageOf(caught, t('common.networkError')));
        } finally {
          setBusy(false);
        }
      }}
    >
      {extra}
      <Form.Item label={t('mobile.phone')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Input inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} aria-label={t('mobile.phone')} />
          <Button
            onClick={async () => {
              setError(null);
              try {
                await sendSmsCode(phone.replace(/\s/g, ''));
                setSent(true);
              } catch (caught) {
                setError(messageOf(caught, t('common.networkError')));
              }
            }}
          >
            {sent ? t('mobile.resend') : t('mobile.sendCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item label={t('mobile.code')} name="code" rules={[{ required: true, message: t('mobile.code') }]}>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} aria-label={t('mobile.code')} />
      </Form.Item>
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}

export function MobileSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div style={frame}>
      <Typography.Title level={3}>{t('mobile.signInTitle')}</Typography.Title>
      <PhoneCode
        submitLabel={t('mobile.signIn')}
        onDone={async (phone, code) => {
          await signInWithCode(phone, code);
          await queryClient.invalidateQueries();
          await fetchMe();
          const next = sessionStorage.getItem('tongxin.m.next');
          sessionStorage.removeItem('tongxin.m.next');
          if (next?.startsWith('/m/')) window.location.assign(next);
          else navigate('/m', { replace: true });
        }}
      />
    </div>
  );
}

export function MobileJoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = window.location.hash.slice(1);
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => previewInvitation(token), retry: false, enabled: token.length > 0 });
  if (invitation.isError || !token) return <Result status="warning" title={t('participants.validation.invitation_invalid')} />;
  if (!invitation.data) return null;
  return (
    <div style={frame}>
      <Typography.Title level={3}>{t('mobile.joinTitle', { organisation: invitation.data.organisationName })}</Typography.Title>
      <PhoneCode
        submitLabel={t('mobile.join')}
        extra={
          <Form.Item label={t('mobile.name')} name="displayName" initialValue={invitation.data.displayName ?? ''} rules={[{ required: true, message: t('mobile.name') }]}>
            <Input aria-label={t('mobile.name')} />
          </Form.Item>
        }
        onDone={async (phone, code, values) => {
          await acceptInvitation({ token, phone, code, displayName: values.displayName ?? '' });
          await fetchMe();
          navigate('/m', { replace: true });
        }}
      />
    </div>
  );
}

export function MobileHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useQuery({
    queryKey: ['participant-me'],
    // The session's CSRF token first (a reload forgets it), then who I am.
    queryFn: async () => (await fetchMe(), participantMe()),
    retry: false,
  });
  const events = useQuery({ queryKey: ['my-events'], queryFn: myEvents, enabled: me.isSuccess });
  const claimed = useQuery({ queryKey: mobileNeedKeys.claimed, queryFn: myClaimedNeeds, enabled: me.isSuccess });
  const [error, setError] = useState<string | null>(null);
  if (me.isError) {
    return (
      <Result status="info" title={t('mobile.signInTitle')} extra={<Button type="primary" onClick={() => navigate('/m/sign-in')}>{t('mobile.signIn')}</Button>} />
    );
  }
  // Nothing else is asked before the session is known: a 401 elsewhere would send the user to the office sign-in.
  if (!me.data) return null;
  return (
    <div style={frame}>
      <Typography.Title level={4}>{me.data.displayName}</Typography.Title>
      {me.data.organisation && <Typography.Paragraph type="secondary">{me.data.organisation.name}</Typography.Paragraph>}
      {error && <Alert type="error" message={error} />}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <TodayCard events={events.data ?? []} needs={claimed.data ?? []} />
      <OpenNeedsCard me={me.data} />
      <ClaimedNeedsCard />
      <Card title={t('mobile.myEvents')} size="small" data-testid="m-events">
        <List
          dataSource={events.data ?? []}
          locale={{ emptyText: t('mobile.noEvents') }}
          renderItem={(event) => (
            <List.Item
              actions={[
                event.myCheckIn ? (
                  <Tag color="green" key="in">{t('mobile.checkedIn')}</Tag>
                ) : event.mine ? (
                  <Tag color={event.mine === 'registered' ? 'blue' : 'orange'} key="mine">{t(`mobile.${event.mine}`)}</Tag>
                ) : (
                  <Button
                    key="register"
                    size="small"
                    onClick={async () => {
                      try {
                        await registerForEvent(event.id);
                        await events.refetch();
                      } catch (caught) {
                        setError(messageOf(caught, t('common.networkError')));
                      }
                    }}
                  >
                    {t('mobile.register')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta title={event.title} description={`${formatDateTime(event.startsAt)} · ${event.place ?? ''}`} />
            </List.Item>
          )}
        />
      </Card>
      <NoticesCard />
      </Space>
    </div>
  );
}

/** Opened from the door's QR code: `/m/check-in/:id#<code>`; one tap is not even needed. */
export function MobileCheckInPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const code = window.location.hash.slice(1);
  const result = useQuery({ queryKey: ['check-in', id, code], queryFn: async () => {
      // A fresh page holds no CSRF token yet: take the session's first, so the one scan is one write.
      await fetchMe();
      return checkIn(Number(id), code);
    },
    retry: false, staleTime: Infinity });
  if (result.error instanceof ApiError && result.error.status === 401) {
    // Sign in, then come back to this very link (the code is good for about two minutes).
    sessionStorage.setItem('tongxin.m.next', window.location.pathname + window.location.hash);
    return <Result status="info" title={t('mobile.signInTitle')} extra={<Button type="primary" href="/m/sign-in">{t('mobile.signIn')}</Button>} />;
  }
  if (result.isError) return <Result status="error" title={messageOf(result.error, t('common.networkError'))} />;
  if (!result.data) return null;
  return <Result status="success" title={result.data.already ? t('mobile.alreadyCheckedIn') : t('mobile.checkedIn')} subTitle={formatDateTime(result.data.checkedInAt)} />;
}
