/**
 * Stand-in for react-is, which rjsf's `getWidget` asks only whether a widget is a `forwardRef` or `memo` element.
 * These are react-is 18's answers for those two questions (an element whose type carries that `$$typeof`), the
 * same symbols Preact's compat layer puts on its elements, without the rest of the package.
 */
const ELEMENT = Symbol.for('react.element');
const FORWARD_REF = Symbol.for('react.forward_ref');
const MEMO = Symbol.for('react.memo');

/** The `$$typeof` of an element's type, as react-is' `typeOf` reads it for these two kinds. */
function typeOfType(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const element = value as { $$typeof?: unknown; type?: { $$typeof?: unknown } };
  return element.$$typeof === ELEMENT ? element.type?.$$typeof : undefined;
}

export const isForwardRef = (value: unknown): boolean => typeOfType(value) === FORWARD_REF;
export const isMemo = (value: unknown): boolean => typeOfType(value) === MEMO;

export default { isForwardRef, isMemo };
