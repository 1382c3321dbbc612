/** A refusal the administrator must read (exit 1). */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
}

/** A command used the wrong way (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
