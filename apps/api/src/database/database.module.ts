import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions, type DatabaseTarget } from './data-source-options';

@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(target, { poolSize, applicationName: 'atm-api' }),
          retryAttempts: 5,
          retryDelay: 1000,
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
