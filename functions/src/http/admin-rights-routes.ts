import { Hono, type Context } from 'hono';
import {
  CORRECT_ANSWER_REQUEST,
  type CorrectAnswerResponse,
  type SubjectAccessExport,
} from '../../../schemas/src/residents-rights-contract.js';
import { correctAnswer, eraseSubmission, exportSubmission } from '../domain/admin/residents-rights.js';
import type { AppDeps, Env } from './deps.js';
import { limitBody, readBody } from './json-body.js';
import { referenceParam } from './path-values.js';

/** One answer with room around it: a long free text, a repeating group of children. */
const CORRECTION_BYTES = 64 * 1024;

/**
 * `/api/admin/submissions/:reference`: residents' rights by reference (docs/residents-rights.md): export (subject
 * access), correct one answer (rectification), erase. Only the admin's own municipalities' submissions: another's
 * is 404, as in the staff area. Mounted inside `adminRoutes`, behind its admin and Origin checks.
 */
export function adminRightsRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  const member = (c: Context<Env>) => c.get('member');
  app.use('/submissions/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get('/submissions/:reference', async (c) => c.json<SubjectAccessExport>(await exportSubmission(deps, member(c), referenceParam(c))));

  app.patch('/submissions/:reference/answers', limitBody(CORRECTION_BYTES), async (c) => {
    const reference = referenceParam(c);
    const body = await readBody(c, CORRECT_ANSWER_REQUEST);
    if (!body.ok) return body.response;
    return c.json<CorrectAnswerResponse>(await correctAnswer(deps, member(c), reference, body.value));
  });

  app.delete('/submissions/:reference', async (c) => {
    await eraseSubmission(deps, member(c), referenceParam(c));
    return c.body(null, 204);
  });

  return app;
}
