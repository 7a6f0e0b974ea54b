import { useState } from 'react';
import { Alert, App, Button, Input, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { PublicVotePage } from '@tongxin/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/form-errors.ts';
import { castVote, keepVoterToken, publicCompetitionKeys, requestVoteCode, verifyVoteCode, voterToken } from '../../api/public-competitions.ts';
import { formatDateTime } from '../../lib/time.ts';
import styles from './public.module.css';

/** Prove a phone with a one-time code; the token is kept for this tab. */
function VerifyPhone({ onVerified }: { onVerified: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const send = useMutation({
    mutationFn: () => requestVoteCode(phone.trim()),
    onSuccess: () => {
      setSent(true);
      message.success(t('judgingWeb.public.codeSent'));
    },
    onError: (e) => message.error(messageOf(e, t('common.networkError'))),
  });
  const verify = useMutation({
    mutationFn: () => verifyVoteCode(phone.trim(), code.trim()),
    onSuccess: (result) => {
      keepVoterToken(result.voterToken);
      onVerified();
    },
    onError: (e) => message.error(messageOf(e, t('common.networkError'))),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="vote-verify">
      <Typography.Text>{t('judgingWeb.public.verifyHint')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input size="large" inputMode="tel" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value)} placeholder={t('judgingWeb.public.phone')} data-testid="vote-phone" />
        <Button size="large" onClick={() => send.mutate()} loading={send.isPending} disabled={!/^1\d{10}$/.test(phone.trim())} data-testid="vote-send-code">
          {sent ? t('judgingWeb.public.resend') : t('judgingWeb.public.sendCode')}
        </Button>
      </Space.Compact>
      {sent && (
        <Space.Compact style={{ width: '100%' }}>
          <Input size="large" inputMode="numeric" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('judgingWeb.public.code')} data-testid="vote-code" />
          <Button size="large" type="primary" onClick={() => verify.mutate()} loading={verify.isPending} disabled={!/^\d{6}$/.test(code.trim())} data-testid="vote-verify-submit">
            {t('judgingWeb.public.verify')}
          </Button>
        </Space.Compact>
      )}
    </Space>
  );
}

/** The public vote (民评): one vote per verified phone per entry while the window is open. */
export function PublicVote({ page }: { page: PublicVotePage }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [verified, setVerified] = useState(Boolean(voterToken()));
  const reload = () => queryClient.invalidateQueries({ queryKey: publicCompetitionKeys.page(page.id) });
  const vote = useMutation({
    mutationFn: (entryId: number) => castVote(page.id, entryId),
    onSuccess: () => {
      message.success(t('judgingWeb.public.voted'));
      void reload();
    },
    onError: (e) => {
      message.error(messageOf(e, t('common.networkError')));
      // An expired token: ask for the phone again.
      if (e instanceof Error && 'status' in e && e.status === 401) {
        keepVoterToken(null);
        setVerified(false);
      }
    },
  });
  return (
    <section className={styles.section} data-testid="public-vote">
      <h2>{t('judgingWeb.public.vote')}</h2>
      <Typography.Paragraph type="secondary">{t('judgingWeb.public.window', { from: formatDateTime(page.vote.opensAt), to: formatDateTime(page.vote.closesAt) })}</Typography.Paragraph>
      {!page.vote.open ? (
        <Alert type="info" showIcon title={t('judgingWeb.public.voteClosed')} />
      ) : verified ? null : (
        <VerifyPhone
          onVerified={() => {
            setVerified(true);
            void reload();
          }}
        />
      )}
      {page.entries.map((entry) => {
        const mine = page.myVotes.includes(entry.id);
        return (
          <div className={styles.row} key={entry.id} data-testid={`vote-entry-${entry.code}`}>
            <span className={styles.main}>
              {entry.title}
              <small>{[entry.code, entry.organisationName].filter(Boolean).join(' · ')}</small>
            </span>
            {entry.votes !== undefined && <Tag>{t('judgingWeb.public.votes', { count: entry.votes })}</Tag>}
            {page.vote.open && verified && (
              <Button type={mine ? 'default' : 'primary'} icon={mine ? <CheckOutlined /> : undefined} disabled={mine} loading={vote.isPending && vote.variables === entry.id} onClick={() => vote.mutate(entry.id)} data-testid={`vote-for-${entry.code}`}>
                {mine ? t('judgingWeb.public.votedShort') : t('judgingWeb.public.voteFor')}
              </Button>
            )}
          </div>
        );
      })}
    </section>
  );
}
