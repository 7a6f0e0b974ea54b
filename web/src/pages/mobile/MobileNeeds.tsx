import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Need } from '@tongxin/core';
import { Alert, Button, Card, Image, Input, List, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { needBoard, transitionNeed } from '../../api/needs.ts';
import { myClaimedNeeds, needPhotos, participantPhotoUrl, uploadNeedPhoto, type ParticipantMe } from '../../api/participants.ts';

/*
 * 需求认领 on the phone: the needs open to my organisation (claim with one tap) and the needs it
 * claimed (photos of progress, then "done" with a note; the office confirms on its own pages).
 * Same API and rules as the office pages: the needs module decides who may take each step.
 */

const errorText = (error: unknown, fallback: string) => (error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : fallback);
const stateColour: Record<string, string> = { claimed: 'blue', fulfilled: 'orange', confirmed: 'green' };

export const mobileNeedKeys = { board: ['m', 'needs', 'board'] as const, claimed: ['m', 'needs', 'claimed'] as const };

export function OpenNeedsCard({ me }: { me: ParticipantMe }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const board = useQuery({ queryKey: mobileNeedKeys.board, queryFn: () => needBoard({ page: 1, pageSize: 20 }) });
  const [error, setError] = useState<string | null>(null);
  const organisation = me.organisation;
  return (
    <Card title={t('mobileWork.openNeeds')} size="small" data-testid="m-open-needs">
      {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} />}
      <List
        dataSource={board.data?.items ?? []}
        loading={board.isPending}
        locale={{ emptyText: t('mobileWork.noOpenNeeds') }}
        renderItem={(need) => (
          <List.Item
            actions={
              organisation
                ? [
                    <Button
                      key="claim"
                      size="small"
                      type="primary"
                      onClick={async () => {
                        setError(null);
                        try {
                          await transitionNeed(need.id, { to: 'claimed', organisationId: organisation.id, version: need.version });
                          await queryClient.invalidateQueries({ queryKey: ['m', 'needs'] });
                        } catch (caught) {
                          setError(errorText(caught, t('common.networkError')));
                        }
                      }}
                    >
                      {t('mobileWork.claim')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta title={need.title} description={[need.divisionName, need.wantedBy ? t('mobileWork.wantedBy', { date: need.wantedBy }) : null].filter(Boolean).join(' · ')} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** One claimed need: its photos, "add a photo" (the camera on a phone), and "report done". */
function ClaimedNeed({ need }: { need: Need }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const photos = useQuery({ queryKey: ['m', 'needs', 'photos', need.id], queryFn: () => needPhotos(need.id) });
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['m', 'needs'] });
    } catch (caught) {
      setError(errorText(caught, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <List.Item data-testid={`m-claimed-${need.id}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Typography.Text strong>{need.title}</Typography.Text>
          <Tag color={stateColour[need.state] ?? 'default'}>{t(`mobileWork.states.${need.state}`)}</Tag>
        </Space>
        {(photos.data?.length ?? 0) > 0 && (
          <Space wrap>
            {photos.data!.map((photo) => (
              <Image key={photo.id} src={participantPhotoUrl(photo.id)} width={64} height={64} style={{ objectFit: 'cover' }} alt={photo.fileName} />
            ))}
          </Space>
        )}
        {error && <Alert type="error" message={error} />}
        {need.state === 'claimed' && (
          <>
            <input
              ref={input}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              capture="environment"
              hidden
              aria-label={t('mobileWork.addPhoto')}
              data-testid={`m-photo-input-${need.id}`}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void act(() => uploadNeedPhoto(need.id, file));
              }}
            />
            <Button block loading={busy} onClick={() => input.current?.click()}>
              {t('mobileWork.addPhoto')}
            </Button>
            <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('mobileWork.doneNote')} aria-label={t('mobileWork.doneNote')} />
            <Button type="primary" block loading={busy} onClick={() => void act(() => transitionNeed(need.id, { to: 'fulfilled', version: need.version, ...(note.trim() ? { note: note.trim() } : {}) }))}>
              {t('mobileWork.reportDone')}
            </Button>
          </>
        )}
      </Space>
    </List.Item>
  );
}

export function ClaimedNeedsCard() {
  const { t } = useTranslation();
  const claimed = useQuery({ queryKey: mobileNeedKeys.claimed, queryFn: myClaimedNeeds });
  return (
    <Card title={t('mobileWork.claimedNeeds')} size="small" data-testid="m-claimed-needs">
      <List dataSource={claimed.data ?? []} loading={claimed.isPending} locale={{ emptyText: t('mobileWork.noClaimedNeeds') }} renderItem={(need) => <ClaimedNeed key={need.id} need={need} />} />
    </Card>
  );
}
