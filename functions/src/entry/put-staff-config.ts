import { optionalEnv, requireEnv, type Env } from './env.js';

/** What `put-staff.mjs` reads from its environment (AWS credentials and region come from the SDK's own variables). */
export interface PutStaffConfig {
  /** `TABLE_NAME`: the deployed table, the stack's TableName output (required). */
  tableName: string;
  /** `SCHEMAS_DIR`: the municipalities a staff file may name. */
  schemasDir: string;
}

/** The staff command's configuration; throws, naming the variable, when one is missing. */
export function putStaffConfig(env: Env = process.env): PutStaffConfig {
  return { tableName: requireEnv(env, 'TABLE_NAME'), schemasDir: optionalEnv(env, 'SCHEMAS_DIR') ?? 'schemas' };
}
