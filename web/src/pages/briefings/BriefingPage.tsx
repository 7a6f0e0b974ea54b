import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Input, Select, Skeleton, Space, Typography } from 'antd';
import { FilePdfOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import type { BriefingDetail, BriefingExportFormat, BriefingSectionKey } from '@tongxin/core/briefings/index';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { briefingKeys, exportBriefing, fetchBriefing, saveBriefing } from '../../api/briefings.ts';
import { ApiError } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { saveFile } from '../../lib/save-file.ts';
import { formatDateTime } from '../../lib/time.ts';
import { FigureCheckPanel } from './FigureCheckPanel.tsx';

type Texts = Partial<Record<BriefingSectionKey, string>>;

function textsOf(briefing: BriefingDetail): Texts {
  return Object.fromEntries(briefing.sections.map((section) => [section.key, section.text]));
}

/** One briefing: edit the text section by section, save as a new revision, export any revision. */
export function BriefingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { data, error, refetch } = useQuery({ queryKey: briefingKeys.detail(id), queryFn: () => fetchBriefing(id) });
  const [title, setTitle] = useState('');
  const [texts, setTexts] = useState<Texts>({});
  const [revision, setRevision] = useState<number | undefined>(undefined);

  useEffect(() => {
    if (!data) return;
    setTitle(data.title);
    setTexts(textsOf(data));
  }, [data]);

  const dirty = Boolean(data) && (title !== data!.title || data!.sections.some((section) => (texts[section.key] ?? '') !== section.text));
  const save = useMutation({
    mutationFn: () =>
      saveBriefing(id, {
        version: data!.version,
        title,
        sections: data!.sections.filter((section) => texts[section.key] !== section.text).map((section) => ({ key: section.key, text: texts[section.key] ?? '' })),
      }),
    onSuccess: () => {
      message.success(t('briefings.saved'));
      setRevision(undefined);
      void queryClient.invalidateQueries({ queryKey: briefingKeys.all });
    },
    onError: (failure) => {
      message.error(messageOf(failure, t('common.networkError')));
      // Someone saved first: show their text (ours is lost only after this message).
      if (failure instanceof ApiError && failure.status === 409) void refetch();
    },
  });
  const download = useMutation({
    mutationFn: (format: BriefingExportFormat) => exportBriefing(id, format, revision),
    onSuccess: saveFile,
    onError: (failure) => message.error(messageOf(failure, t('common.networkError'))),
  });

  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;

  return (
    <Card
      data-testid="briefing-page"
      title={
        <Space>
          <Link to="/briefings">{t('briefings.title')}</Link>
          <span>/</span>
          <span>{data.divisionName}</span>
        </Space>
      }
      extra={
        <Space wrap>
          <Select<number>
            data-testid="briefing-revision"
            style={{ width: 200 }}
            value={revision ?? data.revision}
            onChange={(value) => setRevision(value === data.revision ? undefined : value)}
            options={data.revisions.map((r) => ({ value: r.revision, label: t('briefings.revisionOption', { revision: r.revision, at: formatDateTime(r.at), by: r.byName ?? '—' }) }))}
          />
          <Button icon={<FileWordOutlined />} loading={download.isPending && download.variables === 'docx'} onClick={() => download.mutate('docx')} disabled={dirty} data-testid="briefing-export-docx">
            {t('briefings.exportDocx')}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={download.isPending && download.variables === 'pdf'} onClick={() => download.mutate('pdf')} disabled={dirty} data-testid="briefing-export-pdf">
            {t('briefings.exportPdf')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()} data-testid="briefing-save">
            {t('briefings.save')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          {t('briefings.meta', { from: data.from, to: data.to, revision: data.revision, at: formatDateTime(data.updatedAt) })}
          {dirty && <Typography.Text type="warning"> {t('briefings.unsaved')}</Typography.Text>}
        </Typography.Text>
        <Input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={120} size="large" data-testid="briefing-title" />
        {data.sections.map((section) => (
          <div key={section.key}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {section.heading}
            </Typography.Title>
            <Input.TextArea
              data-testid={`briefing-section-${section.key}`}
              value={texts[section.key] ?? ''}
              onChange={(event) => setTexts((current) => ({ ...current, [section.key]: event.target.value }))}
              autoSize={{ minRows: 2, maxRows: 12 }}
              maxLength={10_000}
            />
          </div>
        ))}
        <FigureCheckPanel briefingId={data.id} revision={data.revision} />
      </Flex>
    </Card>
  );
}
