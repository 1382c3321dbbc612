import {
  type ArgumentMetadata,
  Injectable,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { type FieldError } from '@atm/contracts';
import { validationFailed } from './domain-error';
import { inheritedKeysOf } from './inherited-keys';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property \S+ should not exist$/, 'is not an allowed field'),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The global pipe: a body, query or path that is not exactly of the documented shape
 * (unknown fields included, so `balanceCents` or `toString` in a body is refused, not
 * ignored) answers 400 VALIDATION_FAILED with the offending fields. Nothing is converted
 * implicitly: a string "100" is not an amount.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => validationFailed(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const needsObject =
      (metadata.type === 'body' || metadata.type === 'query') &&
      typeof metadata.metatype === 'function' &&
      ![String, Number, Boolean, Object, Array].includes(metadata.metatype as never);
    // Fastify builds query objects with a prototype of its own; bodies come from JSON.parse.
    const isObject =
      metadata.type === 'query'
        ? typeof value === 'object' && value !== null && !Array.isArray(value)
        : isPlainObject(value);
    if (needsObject && !isObject) {
      throw validationFailed(
        [{ field: metadata.type, message: 'must be a JSON object' }],
        `The request ${metadata.type} must be a JSON object`,
      );
    }
    // The whitelist below never sees these (class-transformer skips them): refused here.
    const inherited =
      needsObject && metadata.type === 'body' ? inheritedKeysOf(value as object) : [];
    if (inherited.length > 0) {
      throw validationFailed(
        inherited.map((field) => ({ field, message: 'is not an allowed field' })),
      );
    }
    return super.transform(value, metadata);
  }
}
