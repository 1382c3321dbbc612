import { type DynamicModule, Module } from '@nestjs/common';
import { type IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig } from '../config';
import { requestIdFor } from './request-id';

/**
 * Fields that must never reach a log line, wherever they appear. Request and response
 * bodies are not logged at all; this list is the belt to those braces.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-metrics-secret"]',
  'res.headers["set-cookie"]',
  '*.pin',
  '*.currentPin',
  '*.newPin',
  '*.cardNumber',
  '*.accessToken',
  '*.secretKey',
  '*.pinPepper',
  '*.cardHashKey',
  '*.password',
];

/** Keeps only the path: a query string could carry what a person typed. */
function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, destination?: NodeJS.WritableStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.logLevel,
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              // Fastify has already given the request its id (see request-id.ts).
              genReqId: (req: IncomingMessage) =>
                (req as IncomingMessage & { id?: string }).id ?? requestIdFor(req),
              serializers: {
                req: (req: {
                  id: unknown;
                  method: string;
                  url: string;
                  remoteAddress?: string;
                }) => ({
                  id: req.id,
                  method: req.method,
                  path: pathOnly(req.url),
                  remoteAddress: req.remoteAddress,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              customLogLevel: (_req, res, error) =>
                error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'info',
              autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
            },
            destination ?? process.stdout,
          ],
          forRoutes: ['*path'],
        }),
      ],
    };
  }
}
