import { Alert, Empty, Flex, List, Tabs, Typography } from 'antd';
import type { ArticleDetail } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import styles from './articles.module.css';

interface Texts {
  cleanText: string;
  originalText: string;
  removed: ArticleDetail['removed'];
}

/** The clean text, the input as given, and what cleaning took out (pinyin annotations, site chrome lines). */
export function ArticleTexts({ texts, testId = 'article-texts' }: { texts: Texts; testId?: string }) {
  const { t } = useTranslation();
  const { removed } = texts;
  const paragraphs = texts.cleanText.split(/\n{2,}/).filter((paragraph) => paragraph.trim());
  return (
    <Tabs
      data-testid={testId}
      items={[
        {
          key: 'clean',
          label: t('publicity.texts.clean'),
          children: (
            <div className={styles.text} data-testid={`${testId}-clean`}>
              {paragraphs.map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
          ),
        },
        {
          key: 'removed',
          label: t('publicity.texts.removed', { count: removed.pinyin + removed.boilerplateLines.length }),
          children: (
            <Flex vertical gap={12} data-testid={`${testId}-removed`}>
              <Alert
                type={removed.pinyin > 0 ? 'info' : 'success'}
                showIcon
                title={removed.pinyin > 0 ? t('publicity.texts.pinyinRemoved', { count: removed.pinyin }) : t('publicity.texts.noPinyin')}
              />
              <Typography.Text strong>{t('publicity.texts.boilerplate', { count: removed.boilerplateLines.length })}</Typography.Text>
              {removed.boilerplateLines.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('publicity.texts.noBoilerplate')} />
              ) : (
                <List size="small" bordered dataSource={removed.boilerplateLines} renderItem={(line) => <List.Item className={styles.removed}>{line}</List.Item>} />
              )}
            </Flex>
          ),
        },
        {
          key: 'original',
          label: t('publicity.texts.original'),
          children: <pre className={styles.original}>{texts.originalText}</pre>,
        },
      ]}
    />
  );
}
