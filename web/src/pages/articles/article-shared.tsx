import { Tag } from 'antd';
import { mediaLevels, type MediaLevelCode } from '@tongxin/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { articleKeys, listMedia } from '../../api/articles.ts';

const levelColours: Record<MediaLevelCode, string> = { central: 'red', provincial: 'orange', municipal: 'blue', local: 'green' };

/** A medium's level (中央级 / 省级 / 市级 / 区县级), or "not graded". */
export function LevelTag({ level }: { level: MediaLevelCode | null }) {
  const { t } = useTranslation();
  return level ? <Tag color={levelColours[level]}>{t(`publicity.levels.${level}`)}</Tag> : <Tag>{t('publicity.levels.unknown')}</Tag>;
}

export function levelOptions(t: (key: string) => string, withUnknown = false) {
  return [...mediaLevels, ...(withUnknown ? (['unknown'] as const) : [])].map((value) => ({ value, label: t(`publicity.levels.${value}`) }));
}

/** The managed media list, shared by the filters, the editor and the media page. */
export function useMedia(archived: 'false' | 'true' | 'all' = 'false') {
  return useQuery({ queryKey: articleKeys.media(archived), queryFn: () => listMedia(archived), staleTime: 60_000 });
}

/** A date-time from extraction (`2022-07-27T11:04:00+08:00`) or a bare date, shown as written there. */
export function formatPublished(value: string | null): string {
  if (!value) return '—';
  return value.length > 10 ? `${value.slice(0, 10)} ${value.slice(11, 16)}` : value;
}
