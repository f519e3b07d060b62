/**
 * The `z` the background bundle gets for `import { z } from 'zod'` (wxt.config.ts aliases it there
 * only): the same zod, but a schema is built the first time it is used (parsed, or read as a
 * property such as `.shape`) instead of when its module runs.
 *
 * Why: a Chrome MV3 service worker is stopped after 30 s idle and runs all of background.js again
 * at its next event, and it cannot `import()` the rest later. Building every schema of the domain,
 * the protocol, the contract and the adapters at each start was ~12 ms of a ~40 ms cold start
 * here, before the worker could answer a message whose own schema is a fraction of that.
 *
 * How: `z.object(…)`, `z.string()` and the other builders below return a stand-in (a Proxy) that
 * remembers how to build the schema; the schema methods that return a schema (`.optional()`,
 * `.max()`, `.extend()` …, listed in CHAINED) return another stand-in. The first other use builds
 * the real schema, once, with every stand-in among its arguments replaced by its real schema, so
 * that built schemas hold only real schemas and parse at zod's own speed. Anything else the proxy
 * is asked for is the built schema's own (its methods bound to it), so a stand-in behaves as the
 * schema does; a method missing from CHAINED only builds earlier. Types are zod's own (the alias
 * is a build setting; TypeScript still reads zod), and importing any name but `z` from 'zod' in
 * background code fails the build.
 */
import * as zod from 'zod/v4';

/** Schema methods that return a new schema: deferred like the builders. */
const CHAINED = new Set([
  'and',
  'array',
  'brand',
  'catch',
  'catchall',
  'check',
  'default',
  'describe',
  'email',
  'endsWith',
  'extend',
  'finite',
  'gt',
  'gte',
  'includes',
  'int',
  'length',
  'loose',
  'lt',
  'lte',
  'max',
  'merge',
  'meta',
  'min',
  'multipleOf',
  'negative',
  'nonempty',
  'nonnegative',
  'nonpositive',
  'nullable',
  'nullish',
  'omit',
  'optional',
  'or',
  'partial',
  'passthrough',
  'pick',
  'pipe',
  'positive',
  'readonly',
  'refine',
  'regex',
  'required',
  'safeExtend',
  'startsWith',
  'strict',
  'strip',
  'superRefine',
  'toLowerCase',
  'toUpperCase',
  'transform',
  'trim',
  'url',
  'uuid',
]);

/** Each stand-in → the function that builds (once) and returns its real value. */
const standIns = new WeakMap<object, () => unknown>();
/** The stand-ins whose value is built. */
const built = new WeakSet<object>();

/** `value` with stand-ins replaced by what they stand for, in arrays and plain objects too (shapes). */
function real(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const build = standIns.get(value);
  if (build) return build();
  if (Array.isArray(value)) return value.map(real);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, real(v)]));
}

/**
 * A stand-in for what `build` returns. `schema`: it is a schema, so CHAINED methods and `.shape`
 * give stand-ins too (an object's shape is often spread into another schema at module level).
 */
function standIn(build: () => unknown, schema: boolean): object {
  let done = false;
  let value: object;
  const get = (): object => {
    if (!done) {
      value = build() as object;
      done = true;
      built.add(proxy);
    }
    return value;
  };
  const proxy = new Proxy(
    {},
    {
      get(_, key) {
        if (schema && typeof key === 'string') {
          if (CHAINED.has(key))
            return (...args: unknown[]) =>
              standIn(() => (get() as Record<string, (...a: unknown[]) => unknown>)[key]!(...args.map(real)), true);
          if (key === 'shape') return standIn(() => (get() as { shape: unknown }).shape, false);
        }
        const target = get();
        const v: unknown = Reflect.get(target, key, target);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
      has: (_, key) => Reflect.has(get(), key),
      ownKeys: () => Reflect.ownKeys(get()),
      // Reported configurable: the stand-in's own target is empty, and a proxy may not claim a
      // non-configurable property its target lacks.
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(get(), key);
        return d && { ...d, configurable: true };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(get()),
      set: (_, key, v) => Reflect.set(get(), key, v),
      defineProperty: (_, key, d) => Reflect.defineProperty(get(), key, d),
      deleteProperty: (_, key) => Reflect.deleteProperty(get(), key),
    },
  );
  standIns.set(proxy, get);
  return proxy;
}

/** Whether a value is a stand-in not built yet (for tests). */
export function isUnbuilt(value: unknown): boolean {
  return typeof value === 'object' && value !== null && standIns.has(value) && !built.has(value);
}

/**
 * Only the builders: the rest of zod's namespace is types here, and taking it whole would put all of
 * zod (its locales too) in the bundle. A test holds the code's runtime `z.` uses to this list.
 */
export const z = {
  array: lazy(zod.array),
  boolean: lazy(zod.boolean),
  custom: lazy(zod.custom),
  discriminatedUnion: lazy(zod.discriminatedUnion),
  enum: lazy(zod.enum),
  literal: lazy(zod.literal),
  looseObject: lazy(zod.looseObject),
  number: lazy(zod.number),
  object: lazy(zod.object),
  partialRecord: lazy(zod.partialRecord),
  record: lazy(zod.record),
  string: lazy(zod.string),
  unknown: lazy(zod.unknown),
} as unknown as typeof zod.z;

/** A builder whose schema is built on first use. */
function lazy(builder: unknown): (...args: unknown[]) => object {
  return (...args) => standIn(() => (builder as (...a: unknown[]) => unknown)(...args.map(real)), true);
}
