// Makes the benchmark's synthetic bank through the product's own services (the compiled
// API): customers, two accounts each with opening money, one card each with a PIN, and a
// large note stock. Prints the cards and accounts as JSON on stdout for the runner.
// Usage: DATABASE_URL=... node bench/seed-synthetic.cjs <customers>
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

async function main() {
  const customers = Number(process.argv[2] ?? 1000);
  const config = loadConfig(process.env);
  const context = await NestFactory.createApplicationContext(
    CliModule.forRoot({ config, database: { url: config.databaseUrl } }),
    { logger: ['error'] },
  );
  const admin = context.get(BankAdminService);
  const cards = context.get(CardsService);
  const actor = { actor: 'bench' };
  const made = [];
  let next = 0;
  // PIN hashing is the slow part (argon2); a few at once keeps both cores busy.
  const worker = async () => {
    while (next < customers) {
      const i = next++;
      const customerId = await admin.createCustomer({ name: `Bench Customer ${i}` }, actor);
      const checking = await admin.openAccount(
        { customerId, type: 'CHECKING', openingCents: 100_000_000 },
        actor,
      );
      const savings = await admin.openAccount(
        { customerId, type: 'SAVINGS', openingCents: 100_000_000 },
        actor,
      );
      const pin = String(4821 + (i % 4000)).padStart(4, '0');
      const card = await cards.issue({ customerId, pin, exemptFromPinRules: true }, actor);
      made.push({ cardNumber: card.cardNumber, pin, accounts: [checking, savings] });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  // Enough $20 notes for every withdrawal the closed and open loops and pgbench -f make.
  for (let i = 0; i < 5; i += 1) await context.get(CashService).load(2000, 100_000, actor);
  await context.close();
  process.stdout.write(JSON.stringify(made));
}

main().catch((error) => {
  process.stderr.write(`seed failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
