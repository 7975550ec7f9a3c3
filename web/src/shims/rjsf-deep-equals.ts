/**
 * Stand-in for rjsf's `deepEquals` (`@rjsf/utils/lib/deepEquals.js`), which is fast-equals'
 * `createCustomEqual({ circular: true })` with any two functions counted equal. This is the same comparison written
 * out for that one configuration, without the general-purpose library (about 2.5 KiB gzip on every form page).
 *
 * Why it is safe: it follows fast-equals 6.2's non-strict rules case by case (SameValue numbers, constructors must
 * match, own enumerable keys, React/Preact bookkeeping keys skipped on elements, dates by time, regexps by source
 * and flags, maps and sets in any order, errors, typed arrays, URLs; promises and other host objects only by
 * reference) and tracks circular references the same way. `test/unit/web-slim-rjsf.test.ts` checks it
 * against the real `deepEquals` on a corpus of values, circular ones included.
 */

type Cache = WeakMap<object, object>;
type Compare = (a: any, b: any, cache: Cache) => boolean;

const { keys } = Object;
const { toString, propertyIsEnumerable } = Object.prototype;

/** fast-equals' circular guard: a pair already under comparison is equal if it pairs the same two objects. */
const circular =
  (compare: Compare): Compare =>
  (a, b, cache) => {
    const cachedA = cache.get(a);
    const cachedB = cache.get(b);
    if (cachedA && cachedB) return cachedA === b && cachedB === a;
    cache.set(a, b);
    cache.set(b, a);
    const result = compare(a, b, cache);
    cache.delete(a);
    cache.delete(b);
    return result;
  };

/** `_owner` (React), `__o` and `__v` (Preact) are skipped on elements: deeply circular and not what matters. */
const isReactProperty = (a: any, b: any, key: string) =>
  (key === '_owner' || key === '__o' || key === '__v') && !!(a.$$typeof || b.$$typeof);

// Keys and items are compared last to first, as fast-equals does: with circular data the order can matter.
const objects = circular((a, b, cache) => {
  const keysA = keys(a);
  if (keys(b).length !== keysA.length) return false;
  for (let i = keysA.length - 1; i >= 0; i--) {
    const key = keysA[i]!;
    if (isReactProperty(a, b, key)) continue;
    if (!propertyIsEnumerable.call(b, key) || !equal(a[key], b[key], cache)) return false;
  }
  return true;
});

const arrays = circular((a: unknown[], b: unknown[], cache) => {
  if (a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 0; i--) if (!equal(a[i], b[i], cache)) return false;
  return true;
});

/** Maps and sets match entries in any order, each entry of `b` used once. */
const collections = (entries: (c: any) => IterableIterator<unknown>, same: (x: any, y: any, cache: Cache) => boolean) =>
  circular((a, b, cache) => {
    if (a.size !== b.size) return false;
    const rest = [...entries(b)];
    const used = new Array<boolean>(rest.length);
    for (const x of entries(a)) {
      const i = rest.findIndex((y, j) => !used[j] && same(x, y, cache));
      if (i < 0) return false;
      used[i] = true;
    }
    return true;
  });
const maps = collections(
  (m: Map<unknown, unknown>) => m.entries(),
  (x: [unknown, unknown], y: [unknown, unknown], cache) => equal(x[0], y[0], cache) && equal(x[1], y[1], cache),
);
const sets = collections((s: Set<unknown>) => s.values(), equal);

const dates = (a: Date, b: Date) => Object.is(a.getTime(), b.getTime());
const regexps = (a: RegExp, b: RegExp) => a.source === b.source && a.flags === b.flags;
const wrappers = (a: object, b: object) => Object.is(a.valueOf(), b.valueOf());

const errors = circular((a: Error & { errors?: unknown }, b: Error & { errors?: unknown }, cache) => {
  if (a.name !== b.name || a.message !== b.message || a.stack !== b.stack) return false;
  if (a.cause !== b.cause && !equal(a.cause, b.cause, cache)) return false;
  if (a.errors !== b.errors && !equal(a.errors, b.errors, cache)) return false;
  const own = keys(a).filter((key) => key !== 'cause' && key !== 'errors');
  for (let i = own.length - 1; i >= 0; i--) {
    const key = own[i]!;
    if (!propertyIsEnumerable.call(b, key) || !equal((a as any)[key], (b as any)[key], cache)) return false;
  }
  // Whatever `b` has beyond those keys may only be its own enumerable `cause` and `errors`.
  return keys(b).length - own.length === (propertyIsEnumerable.call(b, 'cause') ? 1 : 0) + (propertyIsEnumerable.call(b, 'errors') ? 1 : 0);
});

/** Typed arrays element by element (NaN equal to NaN in float arrays), at the same offset. */
function typedArrays(a: any, b: any): boolean {
  if (a.length !== b.length || a.byteOffset !== b.byteOffset) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (a[i] === a[i] || b[i] === b[i])) return false;
  return true;
}
const bytes = (a: ArrayBuffer | DataView, b: ArrayBuffer | DataView) =>
  a.byteLength === b.byteLength &&
  typedArrays(
    'buffer' in a ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : new Uint8Array(a),
    'buffer' in b ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b),
  );

const sortedQuery = (query: string) => query.split('&').sort().join('&');
function urls(a: URL, b: URL): boolean {
  if (a.href === b.href) return true;
  const query = (u: URL) => u.searchParams.toString();
  return (
    a.protocol === b.protocol &&
    a.username === b.username &&
    a.password === b.password &&
    a.host === b.host &&
    a.pathname === b.pathname &&
    a.hash === b.hash &&
    (query(a) === query(b) || sortedQuery(query(a)) === sortedQuery(query(b)))
  );
}

const TYPED = /^\[object (Big)?(Int|Uint|Float)(8|16|32|64)(Clamped)?Array\]$/;

/** Objects of other constructors by their string tag, as fast-equals does; an unknown tag is only equal to itself. */
function tagged(a: any, b: any, cache: Cache): boolean {
  const tag = toString.call(a);
  switch (tag) {
    case '[object Object]':
      // A custom promise-like is compared by reference only, and that has failed already.
      return typeof a.then !== 'function' && typeof b.then !== 'function' && objects(a, b, cache);
    case '[object Arguments]':
      return objects(a, b, cache);
    case '[object Array]':
      return arrays(a, b, cache);
    case '[object Date]':
      return dates(a, b);
    case '[object RegExp]':
      return regexps(a, b);
    case '[object Map]':
      return maps(a, b, cache);
    case '[object Set]':
      return sets(a, b, cache);
    case '[object Error]':
      return errors(a, b, cache);
    case '[object Number]':
    case '[object String]':
    case '[object Boolean]':
    case '[object BigInt]':
      return wrappers(a, b);
    case '[object ArrayBuffer]':
    case '[object DataView]':
      return bytes(a, b);
    case '[object URL]':
      return urls(a, b);
    default:
      return TYPED.test(tag) && typedArrays(a, b);
  }
}

function equal(a: any, b: any, cache: Cache): boolean {
  if (a === b) return true;
  if (a == null || b == null) return false;
  const type = typeof a;
  if (type !== typeof b) return false;
  if (type !== 'object') {
    if (type === 'number' || type === 'bigint') return Object.is(a, b);
    // rjsf's rule: any two functions are equal (components and callbacks are recreated on every render).
    return type === 'function';
  }
  const constructor = a.constructor;
  if (constructor !== b.constructor) return false;
  if (constructor === Object || constructor == null) return objects(a, b, cache);
  if (constructor === Array) return arrays(a, b, cache);
  if (constructor === Date) return dates(a, b);
  if (constructor === RegExp) return regexps(a, b);
  if (constructor === Map) return maps(a, b, cache);
  if (constructor === Set) return sets(a, b, cache);
  if (Array.isArray(a)) return arrays(a, b, cache);
  return tagged(a, b, cache);
}

/** True when `a` and `b` are deeply equal by rjsf's rules; circular references are safe. */
export default function deepEquals(a: unknown, b: unknown): boolean {
  return equal(a, b, new WeakMap());
}
