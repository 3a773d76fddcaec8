/**
 * Two kinds of failure (as sapphire does it): a UserError is the user's to fix and becomes a friendly reply;
 * anything else is a bug, logged with its cause, and the user gets a short apology instead of a stack trace.
 */
export type UserErrorKind = 'usage' | 'error';

export class UserError extends Error {
  /**
   * @param identifier stable machine-readable reason (`emptyQuery`, `unknownCommand`, `styleNotInstalled`...)
   * @param message what the user reads
   * @param kind `usage` when the fix is to type the command differently
   */
  constructor(
    readonly identifier: string,
    message: string,
    readonly kind: UserErrorKind = 'error',
  ) {
    super(message);
    this.name = 'UserError';
  }
}
