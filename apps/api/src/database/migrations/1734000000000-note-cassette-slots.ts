import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Cassette ids come from a sequence, and each cassette has a slot (0..15) unique within its
 * denomination. Loading a new denomination then inserts its cassettes with
 * `ON CONFLICT DO NOTHING`: two concurrent loads create one set, where `MAX(id) + 1` made
 * them collide on the primary key.
 */
export class NoteCassetteSlots1734000000000 implements MigrationInterface {
  name = 'NoteCassetteSlots1734000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE SEQUENCE note_cassettes_id_seq AS smallint OWNED BY note_cassettes.id`,
    );
    await queryRunner.query(
      `SELECT setval('note_cassettes_id_seq', COALESCE((SELECT MAX(id) FROM note_cassettes), 0) + 1, false)`,
    );
    await queryRunner.query(
      `ALTER TABLE note_cassettes ALTER COLUMN id SET DEFAULT nextval('note_cassettes_id_seq')`,
    );
    await queryRunner.query(`ALTER TABLE note_cassettes ADD COLUMN slot smallint`);
    await queryRunner.query(`
      UPDATE note_cassettes c SET slot = r.slot
        FROM (SELECT id, row_number() OVER (PARTITION BY denomination_cents ORDER BY id) - 1 AS slot
                FROM note_cassettes) r
       WHERE r.id = c.id`);
    await queryRunner.query(`ALTER TABLE note_cassettes ALTER COLUMN slot SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE note_cassettes ADD CONSTRAINT note_cassettes_denomination_slot_key UNIQUE (denomination_cents, slot)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE note_cassettes DROP CONSTRAINT IF EXISTS note_cassettes_denomination_slot_key`,
    );
    await queryRunner.query(`ALTER TABLE note_cassettes DROP COLUMN IF EXISTS slot`);
    await queryRunner.query(`ALTER TABLE note_cassettes ALTER COLUMN id DROP DEFAULT`);
    await queryRunner.query(`DROP SEQUENCE IF EXISTS note_cassettes_id_seq`);
  }
}
