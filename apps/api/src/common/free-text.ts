import { type ValidationOptions, ValidateBy } from 'class-validator';

/**
 * The contract's rule for free text (memo today; customer names, e-mail addresses and admin
 * user names as they come): well-formed Unicode, no C0/C1 control characters (NUL, tab and
 * newline included) and no bidirectional overrides or isolates, which can make a statement
 * line read differently from what was stored.
 */

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 (U+0000-U+001F), DEL and C1 (U+0080-U+009F): Unicode's "Cc" category. */
const CONTROL_CHARACTER = /\p{Cc}/u;
/** Embeddings and overrides U+202A-U+202E, isolates U+2066-U+2069. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Why `value` is not acceptable free text, or undefined when it is. */
export function freeTextProblem(value: string): string | undefined {
  if (UNPAIRED_SURROGATE.test(value)) return 'must be well-formed Unicode text';
  if (CONTROL_CHARACTER.test(value)) return 'must not contain control characters';
  if (BIDI_CONTROL.test(value)) return 'must not contain bidirectional override characters';
  return undefined;
}

export function isFreeText(value: unknown): value is string {
  return typeof value === 'string' && freeTextProblem(value) === undefined;
}

/** class-validator decorator for DTO fields that carry free text. */
export function IsFreeText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFreeText',
      validator: {
        validate: (value: unknown) => isFreeText(value),
        defaultMessage: (args) =>
          (typeof args?.value === 'string' ? freeTextProblem(args.value) : undefined) ??
          'must be text',
      },
    },
    options,
  );
}
