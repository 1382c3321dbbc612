import { type DynamicModule, Module } from '@nestjs/common';
import { AdminModule } from '../admin';
import { AuthModule } from '../auth';
import { CoreModule, type CoreOptions } from '../core.module';
import { TransactionsModule } from '../transactions';

/** The admin CLI's application context: the services, no HTTP. */
@Module({})
export class CliModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.forRoot({ ...options, poolSize: 2 }),
        AuthModule,
        TransactionsModule,
        AdminModule,
      ],
    };
  }
}
