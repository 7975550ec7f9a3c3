import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, isErrorCode } from '../../schemas/src/index.js';
import * as errors from '../../functions/src/domain/errors.js';

const listed = readFileSync('docs/http-errors.md', 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('| '));

describe("the contract's error codes", () => {
  it('are each listed in docs/http-errors.md with their status', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      const row = listed.find((line) => line.startsWith(`| ${status} |`) && line.split('|')[2]!.includes(`\`${code}\``));
      expect(row, code).toBeDefined();
    }
  });

  it('give every domain error its status from the one table', () => {
    const classes = Object.values(errors).filter((e) => typeof e === 'function' && e.prototype instanceof errors.DomainError);
    expect(classes.length).toBeGreaterThan(10);
    for (const DomainClass of classes) {
      const error = new (DomainClass as unknown as new (message: string, extra: unknown) => errors.DomainError)('x', []);
      expect(isErrorCode(error.code), `${DomainClass.name}.code`).toBe(true);
      expect(error.status, DomainClass.name).toBe(ERROR_STATUS[error.code]);
    }
  });

  it('are the only codes the server answers with', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
      );
    const written = sources('functions/src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:readonly code = |problem\(c, )'([a-z_]+)'/g)].map((m) => m[1]!),
    );
    expect(written.length).toBeGreaterThan(10);
    expect(written.filter((code) => !isErrorCode(code))).toEqual([]);
  });
});
