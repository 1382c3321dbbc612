import { request as httpRequest } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Raw HTTP against a listening app. `app.inject` normalizes the request line, so only a
 * real socket can send the absolute form (`POST http://host/api/v1/...`) that proxies use
 * and that a guard reading `request.url` misjudges.
 */

export type RequestLineForm = 'origin' | 'absolute';

export const REQUEST_LINE_FORMS: RequestLineForm[] = ['origin', 'absolute'];

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export interface RawCall {
  method: string;
  /** An origin-form path (`/api/v1/...`); `form` decides how it goes on the request line. */
  path: string;
  form: RequestLineForm;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
}

/** Listens on a free loopback port (never a fixed one) and returns it. */
export async function listenOnFreePort(app: NestFastifyApplication): Promise<number> {
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

export function rawRequest(port: number, call: RawCall): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...call.headers };
  const payload = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  if (payload !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const path = call.form === 'absolute' ? `http://127.0.0.1:${port}${call.path}` : call.path;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: call.method, path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
