import { type Readable } from 'node:stream';

export interface StoredStatementFile {
  stream: Readable;
  /** Bytes, when the store knows it up front. */
  length: number | undefined;
}

/** The object a READY statement points at is gone (deleted by hand, wrong bucket). */
export class StatementFileMissingError extends Error {
  override readonly name = 'StatementFileMissingError';
}

/**
 * Where statement PDFs live: a directory (STATEMENT_OUTPUT_DIR) or an S3 bucket
 * (STATEMENT_S3_BUCKET). A key is random (128 bits) and says nothing about the customer or
 * the account; a reader never sees a half-written file under a key.
 */
export abstract class StatementStorage {
  /** A fresh, unguessable key. */
  abstract newKey(): string;

  /** Stores the whole file under `key` atomically: readers see all of it or nothing. */
  abstract put(key: string, pdf: Buffer): Promise<void>;

  abstract open(key: string): Promise<StoredStatementFile>;

  /** Removes the file; a key that does not exist is not an error. */
  abstract remove(key: string): Promise<void>;

  /** Deletes what writers killed mid-write left behind; answers how many. */
  abstract removeAbandonedPartials(): Promise<number>;
}
