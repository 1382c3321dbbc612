import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A statement job may run more than once (a worker killed mid-job, a lock that expired while
 * a long render blocked the event loop). Each run claims the row with a fresh token, and only
 * the run holding the latest token may mark the statement READY: READY happens exactly once,
 * whatever ran twice.
 */
export class StatementClaims1733000000000 implements MigrationInterface {
  name = 'StatementClaims1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE statements ADD COLUMN claim_token uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE statements DROP COLUMN IF EXISTS claim_token`);
  }
}
