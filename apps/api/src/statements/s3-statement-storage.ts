import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { type OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  StatementFileMissingError,
  StatementStorage,
  type StoredStatementFile,
} from './statement-storage';

const KEY_PATTERN = /^statements\/[0-9a-f]{32}\.pdf$/;

export interface S3StatementStorageOptions {
  bucket: string;
  region: string | undefined;
  /** An S3-compatible server (MinIO, a local emulator): path-style addressing. */
  endpoint: string | undefined;
}

/**
 * PDFs in an S3 bucket. A PutObject is atomic (the object appears whole or not at all), so a
 * worker killed mid-upload leaves nothing under the key. Credentials come from the SDK's
 * default chain (the ECS task role in production). Requests are bounded in time so that a
 * store that is away fails the job (which is retried) instead of holding it.
 */
export class S3StatementStorage extends StatementStorage implements OnApplicationShutdown {
  private readonly client: S3Client;

  constructor(private readonly options: S3StatementStorageOptions) {
    super();
    this.client = new S3Client({
      region: options.region ?? 'us-east-1',
      requestHandler: { connectionTimeout: 3000, requestTimeout: 20000 },
      maxAttempts: 3,
      ...(options.endpoint
        ? {
            endpoint: options.endpoint,
            forcePathStyle: true,
            // S3-compatible servers do not all understand the SDK's default checksums.
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
    });
  }

  newKey(): string {
    return `statements/${randomBytes(16).toString('hex')}.pdf`;
  }

  async put(key: string, pdf: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: checked(key),
        Body: pdf,
        ContentLength: pdf.length,
        ContentType: 'application/pdf',
      }),
    );
  }

  async open(key: string): Promise<StoredStatementFile> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: checked(key) }),
      );
      if (!(response.Body instanceof Readable)) throw new Error('S3 answered no body stream');
      return { stream: response.Body, length: response.ContentLength };
    } catch (error) {
      if (
        error instanceof NoSuchKey ||
        (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
      ) {
        throw new StatementFileMissingError(`statement object ${key} is missing`);
      }
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: checked(key) }),
    );
  }

  /** Nothing to do: a single PutObject never leaves a partial object behind. */
  async removeAbandonedPartials(): Promise<number> {
    return 0;
  }

  onApplicationShutdown(): void {
    this.client.destroy();
  }
}

function checked(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error('not a statement object key');
  return key;
}
