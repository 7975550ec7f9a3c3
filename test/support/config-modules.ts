import { join } from 'node:path';

/** One typed configuration module per entry point (docs/configuration.md): the only code that reads the environment. */
export const CONFIG_MODULES = [
  'functions/src/entry/lambda-config.ts',
  'functions/src/entry/local-config.ts',
  'functions/src/entry/put-staff-config.ts',
  'functions/src/entry/forms-config.ts',
  'infra/app-config.ts',
].map((path) => join(...path.split('/')));
