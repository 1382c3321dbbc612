// The accounts module's public surface: other modules import from here, never a file inside.
export { AccountsDataModule } from './accounts-data.module';
export { AccountsModule } from './accounts.module';
export { AccountsRepository, type CustomerAccountRow } from './accounts.repository';
export { AccountsService } from './accounts.service';
export { type CustomerProfileRow, CustomersRepository } from './customers.repository';
