import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { MAX_REQUEST_BODY_BYTES } from '@atm/contracts';
import { Logger } from 'nestjs-pino';
import { registerAdminAllowlist } from './admin';
import { AppModule } from './app.module';
import { AtmMetrics } from './metrics';
import { ProblemDetailsFilter, isApiRequest, matchedRoute, useStrictJsonBodies } from './common';
import { type CoreOptions } from './core.module';
import { registerWebApp } from './web';
import { requestIdFor } from './logging';

/** The Swagger UI page and its assets (not `/docs-json`, not `/docsfoo`). */
function isSwaggerUiRoute(route: string | undefined): boolean {
  return route === '/docs' || route?.startsWith('/docs/') === true;
}

/** The Content-Security-Policy of the ATM screen: only the app's own scripts and styles. */
const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Builds the HTTP application exactly as production runs it (tests boot this too): Fastify
 * with a 16 KiB body limit and the configured proxy trust, security headers, compression,
 * Swagger outside production, and the compiled web app.
 */
export async function createHttpApp(options: CoreOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_REQUEST_BODY_BYTES,
    // A hop count trusts that many proxies in front of us (the ALB is one).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    logger: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    requestIdHeader: false,
    // Past any URL Node accepts (16 KiB of headers), so an overlong path id always reaches
    // the UUID pipe (400 problem+json) instead of the router's own 414 body.
    routerOptions: { maxParamLength: 65_536 },
    genReqId: requestIdFor,
  });
  useStrictJsonBodies(adapter, MAX_REQUEST_BODY_BYTES);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  registerAdminAllowlist(app, config.adminAllowlist);
  const metrics = app.get(AtmMetrics);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    })
    .addHook('onSend', async (request, reply, payload) => {
      // Balances, history and tokens must never sit in a browser or proxy cache; errors and
      // 404s of unknown /api paths included. A stricter value (`private, no-store`) stays.
      const cacheControl = reply.getHeader('cache-control');
      if (isApiRequest(request) && !String(cacheControl ?? '').includes('no-store')) {
        void reply.header('cache-control', 'no-store');
      }
      return payload;
    })
    .addHook('onResponse', async (request, reply) => {
      // By route pattern (never the raw path, which holds ids): bounded label values.
      metrics.httpDuration.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
  app.flushLogs();
  // No enableShutdownHooks(): its signal listener re-raised SIGTERM after closing (exit 143)
  // and raced main.ts's own. main.ts is the one shutdown path (see gracefulShutdown).

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCompress, { threshold: 1024 });
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposedHeaders: ['Idempotent-Replayed', 'Location', 'Retry-After'],
    });
  }

  if (!config.isProduction) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Web ATM API')
        .setDescription('The ATM API contract, v1. Errors are application/problem+json.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
    // Swagger UI needs inline scripts; the relaxed policy applies to its own routes only
    // (by matched route: `/docsfoo` and absolute-form request lines are judged correctly).
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onSend', async (request, reply, payload) => {
        if (isSwaggerUiRoute(matchedRoute(request))) reply.removeHeader('content-security-policy');
        return payload;
      });
  }

  if (config.frontendEnabled) {
    const fallback = await registerWebApp(app);
    if (fallback) app.get(ProblemDetailsFilter).useWebAppFallback(fallback);
  }
  await app.init();
  return app;
}
