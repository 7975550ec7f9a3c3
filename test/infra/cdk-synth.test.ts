import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBuildOutputs } from './build-outputs.js';
import { policyStatements } from './policy-statements.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/**
 * A synth bundles the app, runs it and validates the template: 33 s each on a loaded 2-core machine (2026-12-01),
 * against a limit of 60 s then. The limit only stops a synth that hangs.
 */
const SYNTH_LIMIT_MS = 300_000;
const workspaces: string[] = [];

/** The project as the CLI sees it (cdk.json, infra, node_modules linked), in a temp dir with no dist. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'koto-cdk-'));
  workspaces.push(dir);
  for (const name of ['cdk.json', 'infra', 'node_modules']) symlinkSync(join(repoRoot, name), join(dir, name));
  return dir;
}

function cdkSynth(cwd: string, ...args: string[]) {
  return spawnSync(join(repoRoot, 'node_modules/.bin/cdk'), ['synth', '-q', '--no-notices', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: SYNTH_LIMIT_MS,
    // Offline: no version check, no telemetry, no EC2 metadata probe for credentials.
    env: {
      ...process.env,
      AWS_EC2_METADATA_DISABLED: 'true',
      CDK_DISABLE_VERSION_CHECK: 'true',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
    },
  });
}

afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

describe('cdk synth (the real CLI, offline)', () => {
  it(
    'synthesizes from cdk.json, sending as the domain of the mailFrom context',
    () => {
      const dir = workspace();
      writeBuildOutputs(dir);
      const result = cdkSynth(dir, '-c', 'mailFrom=kotoutuminen@heinola.example');
      expect(result.stderr).not.toMatch(/Error/);
      expect(result.status).toBe(0);
      const template = Template.fromJSON(
        JSON.parse(readFileSync(join(dir, 'cdk.out/KotoForms.template.json'), 'utf8')) as Record<string, unknown>,
      );
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ MAIL_FROM: 'kotoutuminen@heinola.example' }) },
      });
      expect(JSON.stringify(policyStatements(template))).toContain(':identity/heinola.example');
    },
    SYNTH_LIMIT_MS + 10_000,
  );

  it(
    'stops with one clear line when the build has not run',
    () => {
      const result = cdkSynth(workspace());
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/dist\/\S+ is missing: run `npm run build` before synthesizing the CDK app/);
      expect(result.stderr).not.toMatch(/at new /); // no stack trace
    },
    SYNTH_LIMIT_MS + 10_000,
  );
});
