import { describe, expect, it } from 'vitest';
import { loadFixtures, scoreFixtures } from './fixtures/fixtures.ts';
import { isMetaLine } from './metadata.ts';
import { parseArticle } from './parse.ts';

// Pages shaped like those of 20+ real news sites, with text written for this repository (fixtures/README.md).
const fixtures = loadFixtures();
const parse = (raw: string) => parseArticle(raw, { format: 'text', now: new Date('2026-12-01T00:00:00Z') });

describe('parseArticle on the fixtures of real page shapes', () => {
  it('has fixtures of at least 20 shapes', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const article = parse(fixture.raw);
    // The story's own paragraphs: what stays once the headline and metadata lines are set aside.
    const metaTexts = new Set(fixture.lines.filter((line) => line.kind === 'meta').map((line) => line.text));
    const story = article.paragraphs.slice(article.title === null ? 0 : 1);
    while (story.length > 0 && (metaTexts.has(story[0]!) || (isMetaLine(story[0]!) && !/[。！？]/u.test(story[0]!)))) story.shift();
    while (story.length > 0 && metaTexts.has(story.at(-1)!)) story.pop();

    it('finds the headline, the date and the source', () => {
      expect({ title: article.title, date: article.publishedAt, source: article.source }).toEqual({
        title: fixture.title, date: fixture.date, source: fixture.source,
      });
    });

    it('keeps the story from its first to its last paragraph and nothing of the page around it', () => {
      expect(story[0]).toBe(fixture.first);
      expect(story.at(-1)).toBe(fixture.last);
      const furniture = fixture.lines.filter((line) => line.kind === 'furniture');
      for (const line of furniture) expect(article.paragraphs.join('\n')).not.toContain(line.text);
    });

    it('labels the key figures with what they count', () => {
      expect(fixture.figures.length).toBeGreaterThan(0);
      for (const expected of fixture.figures) {
        const found = article.figures.find((figure) => figure.value === expected.value && figure.unit === expected.unit && figure.label.endsWith(expected.label));
        expect(found, `${expected.value}${expected.unit} ${expected.label} among ${JSON.stringify(article.figures.map((f) => [f.value, f.unit, f.label]))}`).toBeDefined();
      }
    });

    it.skipIf(fixture.garbled.length === 0)('flags the garbled paragraphs and repairs the known pattern', () => {
      for (const piece of fixture.garbled) {
        const paragraph = article.paragraphs.findIndex((text) => text.includes(piece));
        expect(paragraph).toBeGreaterThanOrEqual(0);
        expect(article.garbled.map((garble) => garble.paragraph)).toContain(paragraph);
      }
      for (const text of fixture.repaired) expect(article.text).toContain(text);
    });
  });

  it('scores every title right and drops all the furniture and no story line', () => {
    const { titles, furniture } = scoreFixtures(fixtures, parse);
    expect(titles.wrong).toEqual([]);
    expect(furniture.missed).toEqual([]);
    expect(furniture.lost).toEqual([]);
    expect(furniture.furniture).toBe(83);
  });
});
