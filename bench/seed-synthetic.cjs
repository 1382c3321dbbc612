// Makes the benchmark's synthetic bank through the product's own services (the compiled
// API): customers, two accounts each with opening money, one card each with a PIN, and a
// large note stock. Prints the cards and accounts as JSON on stdout for the runner.
// With <overdraft customers>, that many more whose checking account opens at $0.00 and is
// linked to their funded savings account (overdraft protection), marked `overdraft: true`:
// every withdrawal of theirs sweeps from savings.
// Usage: DATABASE_URL=... node bench/seed-synthetic.cjs <customers> [<overdraft customers>]
// ATM_API_BUILD_DIR names another build of the API (the tests' own, built once per run).
require('reflect-metadata');
const path = require('node:path');

const api = path.join(
  process.env.ATM_API_BUILD_DIR ?? path.resolve(__dirname, '../dist/apps/api'),
  'apps/api/src',
);
const { NestFactory } = require('@nestjs/core');
const { CliModule } = require(path.join(api, 'cli/cli.module.js'));
const { loadConfig } = require(path.join(api, 'config/app-config.js'));
const { BankAdminService } = require(path.join(api, 'admin/bank-admin.service.js'));
const { CardsService } = require(path.join(api, 'auth/cards.service.js'));
const { CashService } = require(path.join(api, 'transactions/cash.service.js'));
const { OverdraftLinksService } = require(path.join(api, 'admin/overdraft-links.service.js'));

async function main() {
  const customers = Number(process.argv[2] ?? 1000);
  const overdraftCustomers = Number(process.argv[3] ?? 0);
  const config = loadConfig(process.env);
  const context = await NestFactory.createApplicationContext(
    CliModule.forRoot({ config, database: { url: config.databaseUrl } }),
    { logger: ['error'] },
  );
  const admin = context.get(BankAdminService);
  const cards = context.get(CardsService);
  const links = context.get(OverdraftLinksService);
  const actor = { actor: 'bench' };
  const made = [];
  let next = 0;
  // PIN hashing is the slow part (argon2); a few at once keeps both cores busy.
  const worker = async () => {
    while (next < customers + overdraftCustomers) {
      const i = next++;
      const overdraft = i >= customers;
      const customerId = await admin.createCustomer({ name: `Bench Customer ${i}` }, actor);
      const checking = await admin.openAccount(
        { customerId, type: 'CHECKING', openingCents: overdraft ? 0 : 100_000_000 },
        actor,
      );
      const savings = await admin.openAccount(
        { customerId, type: 'SAVINGS', openingCents: 100_000_000 },
        actor,
      );
      if (overdraft)
        await links.setLink({ id: checking.id }, savings.number, actor, 'INVALID_OVERDRAFT_LINK');
      const pin = String(4821 + (i % 4000)).padStart(4, '0');
      const card = await cards.issue({ customerId, pin, exemptFromPinRules: true }, actor);
      made.push({
        cardNumber: card.cardNumber,
        pin,
        accounts: [checking, savings],
        ...(overdraft ? { overdraft: true } : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  // Enough $20 notes for every withdrawal the closed and open loops and pgbench -f make,
  // as many again for the overdraft scenario's.
  const loads = overdraftCustomers > 0 ? 10 : 5;
  for (let i = 0; i < loads; i += 1) await context.get(CashService).load(2000, 100_000, actor);
  await context.close();
  process.stdout.write(JSON.stringify(made));
}

main().catch((error) => {
  process.stderr.write(`seed failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
