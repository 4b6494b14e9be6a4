/**
 * A fresh key prefix per test file, so test files running side by side on one Redis never
 * see each other's keys.
 */
import { randomBytes } from 'node:crypto';

/** `{test-<label>-<8 hex>}`: wrapped as a Cluster hash tag like the production default. */
export function randomPrefix(label: string): string {
  return `{test-${label}-${randomBytes(4).toString('hex')}}`;
}

/**
 * A key space under a fresh prefix. The factory is a parameter (pass `createKeySpace` from
 * `@rollcall/streams`) because streams' own tests use this package: depending on streams
 * here would make the two packages depend on each other.
 */
export function testKeySpace<K>(label: string, createKeySpace: (prefix: string) => K): K {
  return createKeySpace(randomPrefix(label));
}
