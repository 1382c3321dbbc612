import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * When a card's last wrong PIN was counted, so that its counter decays after the same time
 * as an unknown card number's (whose row has `updated_at`): otherwise an old counter that
 * never decays tells real card numbers from invented ones. Existing counts start their
 * decay now.
 */
export class CardPinAttemptDecay1734000000001 implements MigrationInterface {
  name = 'CardPinAttemptDecay1734000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cards ADD COLUMN last_wrong_pin_at timestamptz`);
    await queryRunner.query(
      `UPDATE cards SET last_wrong_pin_at = now() WHERE failed_pin_attempts > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cards DROP COLUMN IF EXISTS last_wrong_pin_at`);
  }
}
