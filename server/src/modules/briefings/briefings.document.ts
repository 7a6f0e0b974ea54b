import { chineseDate, chinesePeriod, type BriefingSection } from '@tongxin/core/briefings/index';

/** What both exports print: the same words in the same order, whichever the format. */
export interface BriefingDocument {
  title: string;
  subtitle: string;
  sections: BriefingSection[];
  footer: string;
}

/**
 * The printable document of one revision. Everything in it comes from stored rows (the revision's
 * text, the briefing's period and division), never from today's figures, so exporting revision 3
 * next year gives the same document.
 */
export function briefingDocument(input: {
  title: string;
  divisionName: string;
  from: string;
  to: string;
  revision: number;
  savedAt: string;
  sections: BriefingSection[];
}): BriefingDocument {
  const savedOn = new Date(new Date(input.savedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    title: input.title,
    subtitle: `${input.divisionName}　统计期间：${chinesePeriod(input.from, input.to)}`,
    sections: input.sections,
    footer: `第${input.revision}稿，${chineseDate(savedOn)}保存。数据由同心平台根据业务记录统计生成。`,
  };
}
