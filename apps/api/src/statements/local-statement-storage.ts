import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  StatementFileMissingError,
  StatementStorage,
  type StoredStatementFile,
} from './statement-storage';

const KEY_PATTERN = /^[0-9a-f]{32}\.pdf$/;
const PARTIAL_SUFFIX = '.partial';
/** A partial file this old belongs to a writer that died (a render takes seconds). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/**
 * PDFs in a directory of their own (STATEMENT_OUTPUT_DIR). A file is written under a
 * temporary name, flushed to disk, then renamed to its key: rename is atomic within a
 * directory, so a worker killed mid-write leaves only a `.partial` file, never a truncated
 * PDF under a key.
 */
export class LocalStatementStorage extends StatementStorage {
  constructor(private readonly directory: string) {
    super();
  }

  newKey(): string {
    return `${randomBytes(16).toString('hex')}.pdf`;
  }

  async put(key: string, pdf: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const partial = join(
      this.directory,
      `.${key}.${randomBytes(4).toString('hex')}${PARTIAL_SUFFIX}`,
    );
    const handle = await open(partial, 'wx', 0o600);
    try {
      await handle.writeFile(pdf);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(partial).catch(() => undefined);
      throw error;
    }
    await handle.close();
    try {
      await rename(partial, target);
    } catch (error) {
      await unlink(partial).catch(() => undefined);
      throw error;
    }
    await this.syncDirectory();
  }

  async open(key: string): Promise<StoredStatementFile> {
    const path = this.pathOf(key);
    try {
      // Opened first so that a missing file fails here, before any response is sent.
      const handle = await open(path, 'r');
      const { size } = await handle.stat();
      return { stream: handle.createReadStream({ autoClose: true }), length: size };
    } catch (error) {
      if (isMissing(error)) throw new StatementFileMissingError(`statement file ${key} is missing`);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  }

  async removeAbandonedPartials(now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith(PARTIAL_SUFFIX))) {
      const path = join(this.directory, name);
      try {
        if (now - (await stat(path)).mtimeMs > ABANDONED_AFTER_MS) {
          await unlink(path);
          removed += 1;
        }
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return removed;
  }

  /** A key comes from our own database; checking it anyway keeps paths inside the directory. */
  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error('not a statement file key');
    return join(this.directory, key);
  }

  /** Makes the rename itself durable; not every file system allows it, which is fine. */
  private async syncDirectory(): Promise<void> {
    const handle = await open(this.directory, 'r').catch(() => undefined);
    if (!handle) return;
    await handle.sync().catch(() => undefined);
    await handle.close();
  }
}
