// The accounts module's public surface: other modules import from here, never a file inside.
export { AccountsModule } from './accounts.module';
export { AccountsRepository, type CustomerAccountRow } from './accounts.repository';
export { AccountsService } from './accounts.service';
export { CustomersRepository } from './customers.repository';
