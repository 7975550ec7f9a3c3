import { handle } from 'hono/aws-lambda';
import { createApp } from '../http/app.js';
import { viewerAddressFrom } from '../http/viewer-address.js';
import { apiConfig } from './lambda-config.js';
import { connectionAddress, lambdaDeps } from './lambda-deps.js';

// Read once per cold start; a missing variable fails the start with its name.
const config = apiConfig(import.meta.url);
const viewerAddress = viewerAddressFrom(config.originVerifySecret);
const deps = lambdaDeps(config, (c) => viewerAddress((name) => c.req.header(name), connectionAddress(c)));
// Seeding the store with the forms of schemas/ it lacks is idempotent; doing it at start keeps it off the request path.
await deps.app.registry.start(new Date());

/** API Gateway HTTP API (v2) entry: the same Hono app as the local server. */
export const handler = handle(createApp(deps.app));
