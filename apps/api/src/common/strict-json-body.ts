import { type FastifyAdapter } from '@nestjs/platform-fastify';
import { validationFailed } from './domain-error';
import { hasDuplicateKey } from './json-duplicate-keys';

/**
 * The JSON body parser: Fastify's own (secure-json-parse refusing `__proto__` and
 * `constructor.prototype`, 400 on malformed or empty JSON) within the server's 16 KiB body
 * limit, followed by a check for duplicated keys, which JSON.parse would silently resolve
 * to the last value: 400 VALIDATION_FAILED instead. Registered through Nest's adapter so
 * that Nest does not add its default JSON parser over it.
 */
export function useStrictJsonBodies(adapter: FastifyAdapter, bodyLimit: number): void {
  const parseJson = adapter.getInstance().getDefaultJsonParser('error', 'error');
  adapter.useBodyParser('application/json', false, { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    // Fastify's default parser is the callback kind: it answers through the callback and
    // returns nothing (its type also allows the promise kind).
    void parseJson(request, text, (error, value) => {
      if (error) {
        done(error, undefined);
        return;
      }
      if (hasDuplicateKey(text)) {
        done(
          validationFailed(
            [{ field: 'body', message: 'must not have the same key twice in one object' }],
            'The request body has a duplicated key',
          ),
          undefined,
        );
        return;
      }
      done(null, value);
    });
  });
}
