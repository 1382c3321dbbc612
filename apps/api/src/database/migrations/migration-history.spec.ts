import { createHash } from 'node:crypto';
import { type QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../data-source-options';

/**
 * A released migration must run the same SQL for ever: a database migrated last year and one
 * migrated today must end up alike, and the schema_migrations table only records that a
 * migration ran, not what it ran. So the statements each migration's up() and down() send,
 * in order and with their parameters, are pinned here by digest. A refactor of the migration
 * files (shared fragments, helpers) must leave every digest as it is; a new migration adds
 * its own line when it is written.
 */
const DIGESTS: Record<string, { up: string; down: string }> = {
  InitialSchema1732000000000: {
    up: '7554c3d2aaffce01d9fce6a9e7627f474cfdd24948dd34a9140a9b30d502ca35',
    down: '7f83ba0c67d74675878d58fccd4ffd65efc085748252cbba6a99b042e699e1cc',
  },
  StatementClaims1733000000000: {
    up: '1a4c34d9ac844acdb925a7a823fef999744d8eca12d2cbff4c0e3ca836809d75',
    down: '07867443347165654923424c91ad2237442d19e67c44aa1be4b7c91d12a92e11',
  },
  NoteCassetteSlots1734000000000: {
    up: '6fe47f595996ca0d304fa8d8a09a9dd9c80b83a6b9abed2b2a4c4e0cc020fc9d',
    down: '08a834b189cf0dec7fa6cd88985285182f97539d2a7c4bcb8a0e499573821f01',
  },
  CardPinAttemptDecay1734000000001: {
    up: 'ca5a80cae25a5e5c82cbbdb2cb7a75b34d2ba213710456c26a19a24fe507c760',
    down: '114bafaa7662c10404c7ecbe31897b82cbbbd16dac20bec92409732400c3bbdd',
  },
  MoneyFunctions1735000000000: {
    up: 'f311666e3f586bd55d6a64892afad33c6be6f945c6259e275e92694271301895',
    down: 'b626e72d2d6b2ff4e0e08a71552d0c080a4cbdf68bf0e8f39fd83724ee45a27d',
  },
  AdminConsole1735100000000: {
    up: 'dd36db039e76e7400d625e924f1b20c5711ae5e5bf5549f1522544a6ff792236',
    down: '867679d1b1bc571cb66ad643395f17f6c2233808fdd5856cdfd7c63a50470883',
  },
  StatementLanguage1735150000000: {
    up: '288f092314314e778540e60928161052c09fa47bd24af0a6b9ebcfb935e977b7',
    down: '014bbf61d338c76349c680666218644929bcddad1568298910a4289da886aceb',
  },
  OverdraftProtection1736100000000: {
    up: 'c1fe34332497f768465a12b9378849c05efefb3e5dc25f33944cdde025351397',
    down: '43a05e226d082b3ab84949f7875dddf50499bf1e65142f0207cc9939a7aff65e',
  },
};

/**
 * The digest of the statements a migration step sends, through a QueryRunner that only
 * records them (the migrations call nothing but query; anything else fails here loudly).
 */
async function recorded(step: (queryRunner: QueryRunner) => Promise<void>): Promise<string> {
  const statements: [string, unknown[] | undefined][] = [];
  const recorder = {
    query: (sql: string, parameters?: unknown[]): Promise<void> => {
      statements.push([sql, parameters]);
      return Promise.resolve();
    },
  };
  await step(recorder as unknown as QueryRunner);
  expect(statements.length).toBeGreaterThan(0);
  return createHash('sha256').update(JSON.stringify(statements)).digest('hex');
}

describe('migration history', () => {
  it('knows every released migration, in the order they run', () => {
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(Object.keys(DIGESTS));
  });

  it.each(MIGRATIONS.map((migration) => [migration.name, migration] as const))(
    '%s runs the SQL it was released with',
    async (name, Migration) => {
      const migration = new Migration();
      const digests = {
        up: await recorded((queryRunner) => migration.up(queryRunner)),
        down: await recorded((queryRunner) => migration.down(queryRunner)),
      };
      expect({ [name]: digests }).toEqual({ [name]: DIGESTS[name] });
    },
  );
});
