import { describe, expect, it } from 'vitest';
import { detectScript, toSimplified, toTraditional } from './script.ts';

describe('script conversion', () => {
  it('converts traditional to simplified, leaving other text alone', () => {
    expect(toSimplified('奮力譜寫江淮大地統戰工作新篇章')).toBe('奋力谱写江淮大地统战工作新篇章');
    expect(toSimplified('同心 abc 123')).toBe('同心 abc 123');
  });

  it('folds Taiwan variants too', () => {
    expect(toSimplified('臺灣 裡面')).toBe('台湾 里面');
  });

  it('converts simplified to traditional', () => {
    expect(toTraditional('统战工作')).toBe('統戰工作');
    expect(toTraditional('来源')).toBe('來源');
  });

  it('round-trips a plain phrase', () => {
    expect(toSimplified(toTraditional('基层统战工作责任制'))).toBe('基层统战工作责任制');
  });

  it('detects the script of a text', () => {
    expect(detectScript('統戰工作')).toBe('traditional');
    expect(detectScript('统战工作')).toBe('simplified');
    expect(detectScript('同心 abc')).toBe('unknown');
  });
});
