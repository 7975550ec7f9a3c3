import { fileURLToPath } from 'node:url';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { getConnInfo } from 'hono/aws-lambda';
import { createDocumentClient } from '../adapters/dynamo/table.js';
import { readCatalog } from '../adapters/file-catalog.js';
import { viewerAddress } from '../http/viewer-address.js';
import { buildDeps } from './build-deps.js';
import { requireEnv } from './config.js';
import { lambdaMailer } from './lambda-mailer.js';

/** Dependencies of both Lambdas from their environment; the form catalog ships beside the bundle in `schemas/`. */
export function lambdaDeps(env: NodeJS.ProcessEnv, bundleUrl: string) {
  const originSecret = requireEnv(env, 'ORIGIN_VERIFY_SECRET');
  return buildDeps({
    db: createDocumentClient(),
    tableName: requireEnv(env, 'TABLE_NAME'),
    catalog: readCatalog(env['SCHEMAS_DIR'] ?? fileURLToPath(new URL('./schemas', bundleUrl))),
    mailer: lambdaMailer(env, () => new SESv2Client({})),
    mailFrom: requireEnv(env, 'MAIL_FROM'),
    publicUrl: requireEnv(env, 'PUBLIC_URL'),
    actionSecret: requireEnv(env, 'ACTION_LINK_SECRET'),
    clientIp: (c) => viewerAddress((name) => c.req.header(name), originSecret, getConnInfo(c).remote.address ?? 'unknown'),
  });
}
