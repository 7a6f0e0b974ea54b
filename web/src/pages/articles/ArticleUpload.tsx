import { useState } from 'react';
import { App, Button, Flex, List, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { Article } from '@tongxin/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { articleKeys, uploadArticles } from '../../api/articles.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LevelTag } from './article-shared.tsx';

/** Several .txt/.html/.docx files at once: all are stored or none (the server names the file it could not read). */
export function ArticleUpload({ divisionId }: { divisionId: number | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Article[]>([]);

  const send = async () => {
    setBusy(true);
    try {
      const result = await uploadArticles(files, divisionId ?? undefined);
      setSaved(result.items);
      setFiles([]);
      await queryClient.invalidateQueries({ queryKey: articleKeys.all });
      message.success(t('publicity.import.uploaded', { count: result.items.length }));
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="article-upload">
      <Upload.Dragger
        multiple
        accept=".txt,.text,.html,.htm,.docx"
        fileList={files.map((file, index) => ({ uid: String(index), name: file.name, status: 'done' as const }))}
        beforeUpload={(file, list) => {
          setFiles((previous) => [...previous, ...list.filter((one) => !previous.includes(one))].slice(0, 20));
          return false;
        }}
        onRemove={(removed) => setFiles((previous) => previous.filter((_, index) => String(index) !== removed.uid))}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('publicity.import.dropHint')}</p>
      </Upload.Dragger>
      <Button type="primary" disabled={files.length === 0} loading={busy} onClick={() => void send()} data-testid="article-upload-send">
        {t('publicity.import.uploadCount', { count: files.length })}
      </Button>
      {saved.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={saved}
          renderItem={(article) => (
            <List.Item extra={<LevelTag level={article.level} />}>
              <Link to={`/articles/${article.id}`}>{article.title}</Link>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
