import { optionalEnv, type Env } from './env.js';
import { LOCAL_DEFAULTS } from './local-config.js';

/** What `npm run forms` reads from its environment (AWS credentials and region come from the SDK's own variables). */
export interface FormsCommandConfig {
  /** `TABLE_NAME`: the deployed table (the stack's TableName output); unset, the local store in `DATA_DIR`. */
  tableName?: string;
  /** `DATA_DIR`: the local server's data folder, whose store the command opens when `TABLE_NAME` is unset. */
  dataDir: string;
  /** `SCHEMAS_DIR`: the municipalities and shared texts the forms are read with. */
  schemasDir: string;
}

export function formsCommandConfig(env: Env = process.env): FormsCommandConfig {
  const tableName = optionalEnv(env, 'TABLE_NAME');
  return {
    ...(tableName ? { tableName } : {}),
    dataDir: optionalEnv(env, 'DATA_DIR') ?? LOCAL_DEFAULTS.dataDir,
    schemasDir: optionalEnv(env, 'SCHEMAS_DIR') ?? 'schemas',
  };
}
