import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A migration written as two lists of statements: the ones up() sends, in order, and the
 * ones down() sends to undo them. Its name is the one schema_migrations records.
 */
export abstract class StatementListMigration implements MigrationInterface {
  protected constructor(
    readonly name: string,
    private readonly upStatements: readonly string[],
    private readonly downStatements: readonly string[],
  ) {}

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of this.upStatements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of this.downStatements) await queryRunner.query(statement);
  }
}
