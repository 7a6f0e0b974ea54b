import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Flex, Input, Segmented, Typography } from 'antd';
import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import type { ParsedArticle } from '@tongxin/core/articles/index';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { articleKeys, createArticle } from '../../api/articles.ts';
import { useMe } from '../../api/auth.ts';
import { messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { ArticlePreview } from './ArticlePreview.tsx';
import { ArticleUpload } from './ArticleUpload.tsx';
import { useMedia } from './article-shared.tsx';

/**
 * 导入报道: paste a scraped article (text or HTML), see what ingest will store — the repaired text,
 * title, date, source, level, figures — and save it; or upload several files at once.
 * The preview runs the same parser as the server (core/articles), loaded only when asked for.
 */
export function ArticleImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { data: media } = useMedia();
  const [mode, setMode] = useState<'paste' | 'files'>('paste');
  const [text, setText] = useState('');
  const [divisionId, setDivisionId] = useState<number | null>(me?.divisionId ?? null);
  const [preview, setPreview] = useState<ParsedArticle | null>(null);
  const [parsing, setParsing] = useState(false);
  const [saving, setSaving] = useState(false);

  const parse = async () => {
    setParsing(true);
    try {
      const { parseArticle } = await import('@tongxin/core/articles/index');
      setPreview(parseArticle(text, { format: 'auto', media: (media ?? []).map(({ name, aliases, level }) => ({ name, aliases, level })), now: new Date() }));
    } finally {
      setParsing(false);
    }
  };

  const save = async () => {
    setSaving(true);
    try {
      const saved = await createArticle({ text, format: 'auto', ...(divisionId ? { divisionId } : {}) });
      await queryClient.invalidateQueries({ queryKey: articleKeys.all });
      message.success(t('publicity.import.saved'));
      void navigate(`/articles/${saved.id}`);
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="article-import-page">
      <Breadcrumb items={[{ title: <Link to="/articles">{t('publicity.articles.listTitle')}</Link> }, { title: t('publicity.import.title') }]} />
      <Card
        title={t('publicity.import.title')}
        extra={
          <Segmented<'paste' | 'files'>
            value={mode}
            onChange={(value) => setMode(value)}
            options={[
              { value: 'paste', label: t('publicity.import.paste') },
              { value: 'files', label: t('publicity.import.files') },
            ]}
            data-testid="article-import-mode"
          />
        }
      >
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap="wrap">
            <Typography.Text>{t('publicity.import.division')}</Typography.Text>
            <DivisionPicker data-testid="article-import-division" value={divisionId} onChange={setDivisionId} placeholder={t('publicity.import.ownDivision')} style={{ width: 240 }} />
          </Flex>
          {mode === 'files' ? (
            <ArticleUpload divisionId={divisionId} />
          ) : (
            <>
              <Input.TextArea
                data-testid="article-paste"
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  setPreview(null);
                }}
                placeholder={t('publicity.import.pastePlaceholder')}
                autoSize={{ minRows: 8, maxRows: 18 }}
                maxLength={500_000}
              />
              <Flex gap={8}>
                <Button icon={<EyeOutlined />} disabled={!text.trim()} loading={parsing} onClick={() => void parse()} data-testid="article-preview">
                  {t('publicity.import.preview')}
                </Button>
                <Button type="primary" icon={<SaveOutlined />} disabled={!preview} loading={saving} onClick={() => void save()} data-testid="article-save">
                  {t('publicity.import.save')}
                </Button>
              </Flex>
              {preview && <ArticlePreview parsed={preview} />}
            </>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
