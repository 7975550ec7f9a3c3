/**
 * Stand-in for rjsf's `toPathSchema` (`@rjsf/utils/lib/schema/toPathSchema.js`), which only rjsf's public
 * `SchemaUtils.toPathSchema` reaches: neither `Form` nor any field the page keeps calls it. It throws if called.
 */
export default function toPathSchema(): never {
  throw new Error('toPathSchema is left out of the form page (web/vite/slim-rjsf.ts); nothing on it calls it');
}
