import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The real scraped articles in `../shared/samples` (beside the repository, never inside it). Every
 * test that reads them goes through here, so that a clone of the repository alone skips those tests
 * with one line saying why, while CI (`CI=true`), which always has `../shared`, fails without them.
 */
export const samplesDir = process.env.TONGXIN_SAMPLES_DIR
  ? path.resolve(process.env.TONGXIN_SAMPLES_DIR) // another copy, or a missing one to try the skip
  : path.resolve(import.meta.dirname, '../../../../shared/samples');

const inCi = /^(1|true|yes)$/i.test(process.env.CI ?? '');
let announced = false;

/**
 * Whether the samples are here. Outside CI a missing folder prints one line and answers false (the
 * caller skips); under CI it throws, so the suite fails instead of passing by skipping.
 *
 * @example describe.skipIf(!samplesAvailable())('cleanArticle on the samples', () => { … })
 */
export function samplesAvailable(): boolean {
  if (existsSync(samplesDir)) return true;
  if (inCi) throw new Error(`CI=true but the sample articles are missing: ${samplesDir} (the tests that read them are required in CI)`);
  if (!announced) {
    announced = true;
    console.warn(`skipping sample-article tests: ${samplesDir} not found (a clone without ../shared; with CI=true they are required)`);
  }
  return false;
}

/**
 * The text of one sample, or '' when the samples are absent outside CI (the suite that uses it is
 * skipped by {@link samplesAvailable}). A missing file inside a present folder always throws.
 *
 * @example const anhui = readSample('article-anhui-traditional-annotated.txt');
 */
export function readSample(name: string): string {
  if (!samplesAvailable()) return '';
  return readFileSync(path.join(samplesDir, name), 'utf8');
}
