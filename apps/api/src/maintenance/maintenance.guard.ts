import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error';
import { MaintenanceService } from './maintenance.service';

/** While the ATM is out of service every `/api/v1` route answers 503 MAINTENANCE. */
@Injectable()
export class MaintenanceGuard implements CanActivate {
  constructor(private readonly maintenance: MaintenanceService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.url.startsWith('/api/')) return true;
    if (await this.maintenance.isOn()) {
      throw new DomainError('MAINTENANCE', 'This ATM is temporarily out of service.', {
        retryAfterSeconds: 60,
      });
    }
    return true;
  }
}
