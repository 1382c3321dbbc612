/**
 * Names every object inherits (`__proto__`, `constructor`, `toString`, `hasOwnProperty`,
 * `valueOf` and the rest of Object.prototype), and `prototype`. class-transformer never
 * copies such a key from a request onto its DTO, because the DTO already "has" it, so the
 * validation pipe's whitelist never sees it: a body or query carrying one would pass as
 * if the key were absent. Refused by name instead, like any unknown field.
 */
const INHERITED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** The keys of `value` (its own, enumerable) that are inherited names. */
export function inheritedKeysOf(value: object): string[] {
  return Object.keys(value).filter((key) => INHERITED_KEYS.has(key));
}
