import { handle } from 'hono/aws-lambda';
import { createApp } from '../http/app.js';
import { viewerAddressFrom } from '../http/viewer-address.js';
import { requireEnv } from './config.js';
import { connectionAddress, lambdaDeps } from './lambda-config.js';

// Read once per cold start; a missing variable fails the start with its name.
const viewerAddress = viewerAddressFrom(requireEnv(process.env, 'ORIGIN_VERIFY_SECRET'));
const deps = lambdaDeps(process.env, import.meta.url, (c) => viewerAddress((name) => c.req.header(name), connectionAddress(c)));
// Publishing the current form versions is idempotent; doing it at start keeps it off the request path.
await deps.app.registry.publishCurrent(new Date().toISOString());

/** API Gateway HTTP API (v2) entry: the same Hono app as the local server. */
export const handler = handle(createApp(deps.app));
