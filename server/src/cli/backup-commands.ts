import type { Config } from '../config.ts';
import { uploadsDir } from '../modules/attachments/attachments.storage.ts';
import { createBackup, restoreBackup, type BackupTarget } from '../ops/backup.ts';

function targetOf(config: Config): BackupTarget {
  return {
    dialect: config.databaseUrl ? 'postgres' : 'sqlite',
    sqliteFile: config.sqliteFile,
    databaseUrl: config.databaseUrl,
    uploadsDir: uploadsDir(config),
  };
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`);

/** `tongxin backup [--out DIR]`: safe while the server runs. */
export async function backupCommand(config: Config, out: string | undefined): Promise<string> {
  const { dir, manifest } = await createBackup(targetOf(config), out ?? config.backup.dir);
  const total = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  return `backup written to ${dir}: ${manifest.database} and ${manifest.files.length - 1} uploaded files, ${size(total)}`;
}

/** `tongxin restore <dir> --yes`: replaces the database and the uploads with the backup's. */
export async function restoreCommand(config: Config, dir: string | undefined, confirmed: boolean): Promise<string> {
  if (!dir) throw new Error('restore needs the backup directory: tongxin restore <dir> --yes');
  if (!confirmed) throw new Error(`restore replaces the database and every uploaded file with those of ${dir}; stop the server, then run it again with --yes`);
  const manifest = await restoreBackup(targetOf(config), dir);
  return `restored the backup of ${manifest.createdAt} (${manifest.files.length - 1} uploaded files); start the server to apply any newer migrations`;
}
