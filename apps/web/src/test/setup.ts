import '@testing-library/jest-dom';
import { randomUUID } from 'node:crypto';

// jsdom has no crypto.randomUUID; the app makes Idempotency-Keys with it.
if (typeof globalThis.crypto?.randomUUID !== 'function') {
  Object.defineProperty(globalThis, 'crypto', {
    value: { ...globalThis.crypto, randomUUID },
    configurable: true,
  });
}
