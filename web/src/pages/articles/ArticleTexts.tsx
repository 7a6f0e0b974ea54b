import { Alert, Empty, Flex, List, Tabs, Tag, Typography } from 'antd';
import type { ArticleDetail } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import styles from './articles.module.css';

interface Texts {
  cleanText: string;
  originalText: string;
  removed: ArticleDetail['removed'];
  /** Garbled places by paragraph (wrong encoding): shown on their paragraphs, repaired or to check. */
  garbled?: ArticleDetail['garbled'];
}

/** The clean text, the input as given, and what cleaning took out (pinyin annotations, site chrome lines). */
export function ArticleTexts({ texts, testId = 'article-texts' }: { texts: Texts; testId?: string }) {
  const { t } = useTranslation();
  const { removed } = texts;
  const paragraphs = texts.cleanText.split(/\n{2,}/).filter((paragraph) => paragraph.trim());
  const garbled = texts.garbled ?? [];
  const garbledParagraphs = new Set(garbled.map((garble) => garble.paragraph));
  const repairedCount = garbled.filter((garble) => garble.repair !== null).length;
  return (
    <Tabs
      data-testid={testId}
      items={[
        {
          key: 'clean',
          label: t('publicity.texts.clean'),
          children: (
            <Flex vertical gap={12}>
              {garbled.length > 0 && (
                <Alert
                  type={repairedCount === garbled.length ? 'info' : 'warning'}
                  showIcon
                  data-testid={`${testId}-garbled`}
                  title={t('articleGarble.summary', { count: garbledParagraphs.size, repaired: repairedCount, flagged: garbled.length - repairedCount })}
                />
              )}
              <div className={styles.text} data-testid={`${testId}-clean`}>
                {paragraphs.map((paragraph, index) => (
                  <div key={index} className={garbledParagraphs.has(index) ? styles.garbled : undefined} data-garbled={garbledParagraphs.has(index) || undefined}>
                    <p>{paragraph}</p>
                    {garbled
                      .filter((garble) => garble.paragraph === index)
                      .map((garble, at) => (
                        <Tag key={at} color={garble.repair === null ? 'warning' : 'processing'} className={styles.garbleTag}>
                          {garble.repair === null ? t('articleGarble.flagged', { text: garble.text }) : t('articleGarble.repaired', { text: garble.text, repair: garble.repair })}
                        </Tag>
                      ))}
                  </div>
                ))}
              </div>
            </Flex>
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
