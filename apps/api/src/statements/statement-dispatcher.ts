/**
 * Gets a statement's job run: through BullMQ with REDIS_URL, in the API process without it.
 * Both read the statement's state from PostgreSQL, so either can be asked twice.
 */
export abstract class StatementDispatcher {
  /** Hands the statement to its job runner. Never throws and never waits long. */
  abstract dispatch(statementId: string): Promise<void>;

  /**
   * Makes sure every unfinished statement has a job (after a crash, or once Redis is back).
   * `startup` is true for the first run after the process started.
   */
  abstract recover(startup: boolean): Promise<void>;
}
