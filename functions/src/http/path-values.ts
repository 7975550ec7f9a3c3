import type { Context } from 'hono';
import { formatReference } from '../../../schemas/src/reference.js';
import { NotFound } from '../domain/errors.js';

/**
 * The `:reference` of a path as the system writes it (`hei 7kq4 m2x9` → `HEI-7KQ4-M2X9`); a value that cannot be
 * a reference is 404 `not_found` before it reaches the store, as a reference that is not there.
 */
export function referenceParam(c: Context): string {
  const raw = c.req.param('reference') ?? '';
  const reference = raw.length <= 40 ? formatReference(raw) : null;
  if (!reference) throw new NotFound('No such submission.');
  return reference;
}
