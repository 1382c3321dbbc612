import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { type LoginResponse } from '@atm/contracts';
import { SeedService } from '../../src/admin/seed.service';
import { createHttpApp } from '../../src/bootstrap';
import { type Clock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/app-config';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  ip?: string;
}

/** Every log line the app wrote during the test, for the no-secrets-in-logs checks. */
export const capturedLogLines: string[] = [];

function captureStream(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      capturedLogLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
}

export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
  ) {}

  static async start(
    options: {
      env?: Record<string, string>;
      clock?: Clock;
      seed?: boolean;
      database?: TestDatabase;
    } = {},
  ): Promise<TestApp> {
    const database = options.database ?? (await createTestDatabase());
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      FRONTEND_ENABLED: 'false',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      API_RATE_LIMIT_PER_MINUTE: '100000',
      DB_POOL_SIZE: '10',
      ...options.env,
    });
    const app = await createHttpApp({
      config,
      database: database.target,
      ...(options.clock ? { clock: options.clock } : {}),
      logDestination: captureStream(),
    });
    if (options.seed !== false) await app.get(SeedService).seedDemoData('test');
    return new TestApp(app, database, app.get(DataSource));
  }

  async request<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.rawBody !== undefined) {
      payload = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
      ...(options.ip ? { remoteAddress: options.ip } : {}),
    });
    let body: unknown = response.body;
    try {
      body = response.body.length > 0 ? JSON.parse(response.body) : undefined;
    } catch {
      body = response.body;
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      body: body as T,
      text: response.body,
    };
  }

  async login(cardNumber: string, pin: string): Promise<LoginResponse> {
    const response = await this.request<LoginResponse>('POST', '/api/v1/auth/login', {
      body: { cardNumber, pin },
    });
    if (response.status !== 200)
      throw new Error(`login failed: ${response.status} ${response.text}`);
    return response.body;
  }

  /** Runs SQL outside the app's request path, for setup and assertions. */
  sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(text, params);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }
}

export const DEMO = {
  alice: {
    cardNumber: '4000000000000010',
    pin: '1234',
    checking: '100000010001',
    savings: '100000010002',
  },
  bob: { cardNumber: '4000000000000028', pin: '5678', checking: '100000020001' },
  charlie: {
    cardNumber: '4000000000000036',
    pin: '9012',
    checking: '100000030001',
    savings: '100000030002',
  },
} as const;
