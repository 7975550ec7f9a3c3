import { handle } from 'hono/aws-lambda';
import { createApp } from '../http/app.js';
import { lambdaDeps } from './lambda-config.js';

// Read once per cold start; a missing variable fails the start with its name.
const deps = lambdaDeps(process.env, import.meta.url);
// Publishing the current form versions is idempotent; doing it at start keeps it off the request path.
await deps.app.registry.publishCurrent(new Date().toISOString());

/** API Gateway HTTP API (v2) entry: the same Hono app as the local server. */
export const handler = handle(createApp(deps.app));
