import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Modal, Progress, Radio, Result, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ImportDuplicateMode, ImportJob } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';
import { confirmImport, downloadTemplate, fetchImportJob, importKeys, uploadImport, type PreviewFilter } from '../../api/imports.ts';
import { saveFile } from '../../lib/save-file.ts';
import { ImportPreview } from './ImportPreview.tsx';

interface Props {
  open: boolean;
  entity: string;
  /** The list's name, e.g. 组织. */
  label: string;
  onClose: () => void;
  /** After a confirmed import: refresh the lists it wrote to. */
  onImported: () => void;
}

const previewPageSize = 50;

/** The message for a refused upload: the field message (missing columns, not an .xlsx) when there is one. */
function uploadMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    const fileField = error.fields.find((field) => field.path === 'body.file');
    if (fileField) return fileField.message;
  }
  return messageOf(error, fallback);
}

function stepOf(job: ImportJob | undefined): number {
  if (!job) return 0;
  if (job.status === 'parsing') return 1;
  if (job.status === 'done') return 3;
  return 2;
}

/**
 * Excel import in four steps: get the template and upload a file → the server checks every row
 * (a progress bar while it works) → a preview of the problems, row by row; rows with problems
 * block the import, duplicates are skipped or update the existing record → all rows written, or none.
 */
export function ImportWizard({ open, entity, label, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [only, setOnly] = useState<PreviewFilter>('all');
  const [page, setPage] = useState(1);
  const [duplicates, setDuplicates] = useState<ImportDuplicateMode>('skip');
  const [confirming, setConfirming] = useState(false);
  const [chosenView, setChosenView] = useState(false);

  const job = useQuery({
    queryKey: importKeys.job(jobId ?? 0, only, page),
    queryFn: () => fetchImportJob(jobId!, { only, page, pageSize: previewPageSize }),
    enabled: jobId !== null,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.status === 'parsing' || query.state.data?.status === 'confirming' ? 700 : false),
  });
  const current = jobId !== null && job.data?.id === jobId ? job.data : undefined;

  // Open the preview where the user should look first: the problems, else the duplicates.
  useEffect(() => {
    if (!current || current.status !== 'ready' || chosenView) return;
    const first: PreviewFilter = current.counts.error > 0 ? 'problems' : current.counts.duplicate > 0 ? 'duplicates' : 'all';
    setChosenView(true);
    if (first !== only) setOnly(first);
  }, [current, chosenView, only]);

  const reset = () => {
    setJobId(null);
    setUploadError(null);
    setOnly('all');
    setPage(1);
    setChosenView(false);
  };

  const start = async (file: File) => {
    reset();
    setUploading(true);
    try {
      const started = await uploadImport(entity, file);
      setJobId(started.id);
    } catch (error) {
      setUploadError(uploadMessage(error, t('common.networkError')));
    } finally {
      setUploading(false);
    }
  };

  const getTemplate = async () => {
    try {
      saveFile(await downloadTemplate(entity));
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    }
  };

  const confirm = async () => {
    if (!current) return;
    setConfirming(true);
    try {
      await confirmImport(current.id, duplicates);
      onImported();
      await job.refetch();
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
      await job.refetch();
    } finally {
      setConfirming(false);
    }
  };

  const step = stepOf(current);
  const blocked = Boolean(current && current.counts.error > 0);
  const percent = current?.rowsTotal ? Math.min(99, Math.floor((current.rowsParsed / current.rowsTotal) * 100)) : undefined;
  const again = (
    <Button icon={<ReloadOutlined />} onClick={reset} data-testid="import-again">
      {t('registry.imports.uploadAgain')}
    </Button>
  );

  const footer =
    step === 2 && current?.status === 'ready' ? (
      <Space>
        {again}
        <Button type="primary" disabled={blocked} loading={confirming} onClick={() => void confirm()} data-testid="import-confirm">
          {t('registry.imports.confirm', { count: current.counts.ok + current.counts.duplicate })}
        </Button>
      </Space>
    ) : (
      <Button onClick={onClose} data-testid="import-close">
        {step === 3 ? t('registry.imports.finish') : t('common.cancel')}
      </Button>
    );

  return (
    <Modal open={open} title={t('registry.imports.title', { label })} width={900} onCancel={onClose} footer={footer} destroyOnHidden data-testid="import-wizard">
      <Flex vertical gap={20} data-testid="import-wizard-body">
        <Steps
          size="small"
          current={step}
          items={[{ title: t('registry.imports.stepFile') }, { title: t('registry.imports.stepCheck') }, { title: t('registry.imports.stepPreview') }, { title: t('registry.imports.stepDone') }]}
        />
        {step === 0 && (
          <Flex vertical gap={12}>
            <Flex align="center" gap={12} wrap="wrap">
              <Typography.Text>{t('registry.imports.templateHint')}</Typography.Text>
              <Button icon={<DownloadOutlined />} onClick={() => void getTemplate()} data-testid="import-template">
                {t('registry.imports.template')}
              </Button>
            </Flex>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={uploading}
              beforeUpload={(file) => {
                void start(file);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{uploading ? t('registry.imports.uploading') : t('registry.imports.drop')}</p>
              <p className="ant-upload-hint">{t('registry.imports.dropHint')}</p>
            </Upload.Dragger>
            {uploadError && <Alert type="error" showIcon title={uploadError} data-testid="import-upload-error" />}
            {jobId !== null && job.error && <Alert type="error" showIcon title={messageOf(job.error, t('common.networkError'))} />}
          </Flex>
        )}
        {step === 1 && current && (
          <Flex vertical gap={8} align="center" data-testid="import-progress">
            <Typography.Text>{t('registry.imports.checking', { file: current.fileName })}</Typography.Text>
            <Progress percent={percent ?? 0} status="active" style={{ width: '80%' }} />
            <Typography.Text type="secondary" className="tx-numeric">
              {current.rowsTotal ? t('registry.imports.rowsChecked', { done: current.rowsParsed, total: current.rowsTotal }) : t('registry.imports.rowsCheckedSoFar', { done: current.rowsParsed })}
            </Typography.Text>
          </Flex>
        )}
        {step === 2 && current && (current.status === 'failed' || current.status === 'expired') && (
          <Result status="warning" title={current.status === 'failed' ? (current.failure ?? t('registry.imports.failed')) : t('registry.imports.expired')} extra={again} />
        )}
        {step === 2 && current && (current.status === 'ready' || current.status === 'confirming') && (
          <Flex vertical gap={12}>
            {blocked ? (
              <Alert type="error" showIcon title={t('registry.imports.blocked', { count: current.counts.error })} description={t('registry.imports.blockedHint')} data-testid="import-blocked" />
            ) : (
              <Alert type="success" showIcon title={t('registry.imports.readyToImport')} description={t('registry.imports.allOrNothing')} />
            )}
            {current.counts.duplicate > 0 && (
              <Flex gap={12} align="center" wrap="wrap">
                <Typography.Text>{t('registry.imports.duplicatesQuestion', { count: current.counts.duplicate })}</Typography.Text>
                <Radio.Group value={duplicates} onChange={(event) => setDuplicates(event.target.value as ImportDuplicateMode)} data-testid="import-duplicates">
                  <Radio value="skip" data-testid="import-duplicates-skip">{t('registry.imports.skip')}</Radio>
                  <Radio value="update" data-testid="import-duplicates-update">{t('registry.imports.update')}</Radio>
                </Radio.Group>
              </Flex>
            )}
            <ImportPreview
              job={current}
              only={only}
              onOnly={(next) => {
                setOnly(next);
                setPage(1);
              }}
              page={page}
              onPage={setPage}
              loading={job.isFetching && job.isPlaceholderData}
            />
          </Flex>
        )}
        {step === 3 && current?.result && (
          <Result
            status="success"
            data-testid="import-done"
            title={t('registry.imports.done')}
            subTitle={t('registry.imports.doneCounts', current.result)}
          />
        )}
      </Flex>
    </Modal>
  );
}
