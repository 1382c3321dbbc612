import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * v1.1: a statement is written in the language it was asked for (`en`, `es`, `fr`), kept
 * with the request so that the worker, whenever it runs, renders it in that language.
 * Statements asked for before this migration were English.
 */
export class StatementLanguage1735150000000 implements MigrationInterface {
  name = 'StatementLanguage1735150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE statements ADD COLUMN language text NOT NULL DEFAULT 'en'
         CONSTRAINT statements_language_check CHECK (language IN ('en', 'es', 'fr'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE statements DROP COLUMN IF EXISTS language`);
  }
}
