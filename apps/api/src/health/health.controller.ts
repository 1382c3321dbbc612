import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { type HealthResponse, type ReadyResponse } from '@atm/contracts';
import { type FastifyReply } from 'fastify';
import { Public } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { RedisConnection } from '../redis';

const DATABASE_PING_TIMEOUT_MS = 1500;

@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('health')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: answers while the process runs' })
  liveness(): HealthResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 503 while a configured dependency is down' })
  async readiness(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadyResponse> {
    const [databaseUp, redisState] = await Promise.all([
      this.health
        .check([() => this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS })])
        .then(() => true)
        .catch(() => false),
      this.config.redisUrl
        ? this.redis.ping().then((up) => (up ? 'up' : 'down'))
        : Promise.resolve('disabled' as const),
    ]);
    const ready = databaseUp && redisState !== 'down';
    void reply.status(ready ? 200 : 503).header('Cache-Control', 'no-store');
    return {
      status: ready ? 'ok' : 'error',
      checks: { database: databaseUp ? 'up' : 'down', redis: redisState },
    };
  }
}
