import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';

/** Storage keys are ours alone: two hex digits of fan-out, a slash, 32 hex digits. */
const keyPattern = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

export function uploadsDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'uploads');
}

/** A fresh random key; the user's file name never reaches the file system. */
export function newStorageKey(): string {
  const hex = crypto.randomBytes(16).toString('hex');
  return `${hex.slice(0, 2)}/${hex}`;
}

/**
 * The file behind a key, or null when the key is not one we could have made or would resolve
 * outside the uploads directory (a tampered row must not read /etc/passwd).
 *
 * @example
 * storagePath(config, 'ab/0123…') // "<dataDir>/uploads/ab/0123…"
 */
export function storagePath(config: Pick<Config, 'dataDir'>, key: string): string | null {
  if (!keyPattern.test(key)) return null;
  const root = path.resolve(uploadsDir(config));
  const file = path.resolve(root, key);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Write the bytes under the key: to a temporary name first, so a crash leaves no half file. */
export async function writeStoredFile(config: Pick<Config, 'dataDir'>, key: string, bytes: Buffer): Promise<void> {
  const file = storagePath(config, key);
  if (!file) throw new Error('bad storage key');
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.part`;
  await fs.promises.writeFile(temp, bytes, { flag: 'wx', mode: 0o640 });
  await fs.promises.rename(temp, file);
}

/** Where a photo's thumbnail is cached: beside the file, under the same random key. */
export function thumbnailPath(config: Pick<Config, 'dataDir'>, key: string): string | null {
  const file = storagePath(config, key);
  return file ? `${file}.thumb.webp` : null;
}

/** Write a thumbnail; two requests racing to make the same one both write whole files. */
export async function writeThumbnail(config: Pick<Config, 'dataDir'>, key: string, bytes: Buffer): Promise<void> {
  const file = thumbnailPath(config, key);
  if (!file) throw new Error('bad storage key');
  const temp = `${file}.${crypto.randomBytes(4).toString('hex')}.part`;
  await fs.promises.writeFile(temp, bytes, { mode: 0o640 });
  await fs.promises.rename(temp, file);
}

export async function removeStoredFile(config: Pick<Config, 'dataDir'>, key: string): Promise<void> {
  const file = storagePath(config, key);
  if (file) await Promise.all([fs.promises.rm(file, { force: true }), fs.promises.rm(`${file}.thumb.webp`, { force: true })]);
}
