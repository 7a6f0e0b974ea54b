import { Flex, Tag, Typography } from 'antd';
import type { SearchHit } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordPath } from '../../api/search.ts';
import { Highlighted } from '../../components/Highlighted.tsx';

/** One hit: its title (matches marked) linking to the record's page, where and when, and the matching part of its text. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const path = recordPath(hit.kind, hit.id);
  const title = <Highlighted text={hit.title} ranges={hit.titleRanges} />;
  return (
    <Flex vertical gap={2} data-testid={`search-hit-${hit.kind}-${hit.id}`}>
      <Flex gap={8} align="center" wrap="wrap">
        {path ? (
          <Link to={path} data-testid="search-hit-link" style={{ fontSize: 15 }}>
            {title}
          </Link>
        ) : (
          <Typography.Text strong>{title}</Typography.Text>
        )}
        {hit.matchedBy === 'pinyin' && <Tag color="purple">{t('search.page.byPinyin')}</Tag>}
        <Typography.Text type="secondary">
          {[hit.subtitle, hit.divisionName, hit.date].filter(Boolean).join(' · ')}
        </Typography.Text>
      </Flex>
      {hit.snippet && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          <Highlighted text={hit.snippet} ranges={hit.snippetRanges} />
        </Typography.Paragraph>
      )}
    </Flex>
  );
}
