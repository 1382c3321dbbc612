import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { DomainError, isCustomerApiRoute, matchedRoute } from '../common';
import { MaintenanceService } from './maintenance.service';

/**
 * While the ATM is out of service every customer API route answers 503 MAINTENANCE. Decided
 * from the matched route, so an absolute-form request line cannot slip past it.
 */
@Injectable()
export class MaintenanceGuard implements CanActivate {
  constructor(private readonly maintenance: MaintenanceService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const route = matchedRoute(request);
    if (route === undefined || !isCustomerApiRoute(route)) return true;
    if (await this.maintenance.isOn()) {
      throw new DomainError('MAINTENANCE', 'This ATM is temporarily out of service.', {
        retryAfterSeconds: 60,
      });
    }
    return true;
  }
}
