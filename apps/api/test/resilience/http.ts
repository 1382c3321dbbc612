import { Agent, request as httpRequest } from 'node:http';

/**
 * A raw HTTP client for the resilience scenarios. node:http sends the path exactly as given
 * (fetch would resolve `..` segments and re-encode), and a lost connection is reported as a
 * value, not thrown, so that the load generator can retry it with the same idempotency key.
 * Every request goes to 127.0.0.1 only.
 */

export interface HttpAnswer {
  /** The HTTP status, or 0 when the connection failed or was lost. */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed JSON body, when it was JSON. */
  json: unknown;
  /** Why there is no status: ECONNREFUSED, ECONNRESET, TIMEOUT... */
  networkError?: string;
}

export interface HttpCall {
  port: number;
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** A JSON value (serialized) or a raw string body. */
  body?: unknown;
  rawBody?: string | Buffer;
  timeoutMs?: number;
  /** A connection of its own, closed afterwards (hostile requests may make the server drop it). */
  fresh?: boolean;
}

const agent = new Agent({ keepAlive: true, maxSockets: 128, keepAliveMsecs: 1000 });

export function closeHttpAgent(): void {
  agent.destroy();
}

export function http(call: HttpCall): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...call.headers };
  let payload: string | Buffer | undefined;
  if (call.rawBody !== undefined) {
    payload = call.rawBody;
    headers['content-type'] ??= 'application/json';
  } else if (call.body !== undefined) {
    payload = JSON.stringify(call.body);
    headers['content-type'] ??= 'application/json';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: call.port,
        method: call.method,
        path: call.path,
        headers: call.fresh ? { ...headers, connection: 'close' } : headers,
        agent: call.fresh ? false : agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error: NodeJS.ErrnoException) =>
          finish({
            status: 0,
            headers: {},
            text: '',
            json: undefined,
            networkError: error.code ?? error.message,
          }),
        );
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          finish({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.setTimeout(call.timeoutMs ?? 30000, () => {
      req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' }));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        status: 0,
        headers: {},
        text: '',
        json: undefined,
        networkError: error.code ?? error.message,
      }),
    );
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it answers true, at most `timeoutMs`; answers whether it did. */
export async function pollUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 200,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(intervalMs);
  }
  return false;
}
