import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import type { ArticleDetail, MediaLevelCode } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { updateArticle } from '../../api/articles.ts';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { levelOptions, useMedia } from './article-shared.tsx';

interface Values {
  title: string;
  publishedAt: string;
  source: string;
  mediumId: number | null;
  level: MediaLevelCode | null;
  authors: string[];
  editors: string[];
}

/** Correct what extraction read: title, date, source, medium and level, authors and editors. */
export function ArticleMetaModal({ article, open, onClose, onSaved }: { article: ArticleDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { data: media } = useMedia();
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        title: article.title,
        publishedAt: article.publishedAt ?? '',
        source: article.source ?? '',
        mediumId: article.mediumId,
        level: article.level,
        authors: article.authors,
        editors: article.editors,
      });
  }, [open, article, form]);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      await updateArticle(article.id, { ...values, publishedAt: values.publishedAt || null, source: values.source || null, version: article.version });
      message.success(t('common.saved'));
      onSaved();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
      if (error instanceof ApiError && error.status === 409) onSaved();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('publicity.detail.editMeta')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)} data-testid="article-meta-form">
        <Form.Item name="title" label={t('publicity.articles.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="publishedAt" label={t('publicity.articles.publishedAt')} extra={t('publicity.detail.publishedAtHint')}>
          <Input placeholder="2022-07-27T11:04:00+08:00" />
        </Form.Item>
        <Form.Item name="source" label={t('publicity.articles.source')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="mediumId" label={t('publicity.articles.medium')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(media ?? []).map((medium) => ({ value: medium.id, label: medium.name }))} />
        </Form.Item>
        <Form.Item name="level" label={t('publicity.articles.level')}>
          <Select allowClear options={levelOptions(t)} />
        </Form.Item>
        <Form.Item name="authors" label={t('publicity.articles.authors')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="editors" label={t('publicity.articles.editors')}>
          <Select mode="tags" open={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
