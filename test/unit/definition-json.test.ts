import { describe, expect, it } from 'vitest';
import { formatDefinitionJson } from '../../schemas/src/index.js';

describe('formatDefinitionJson: the layout of the files in schemas/forms', () => {
  it('puts an object or list on one line, spaced as prettier spaces it, when the line fits in 120 columns', () => {
    expect(formatDefinitionJson({ a: { type: 'string', enum: ['x', 'y'] }, b: [], c: {} })).toBe(
      '{ "a": { "type": "string", "enum": ["x", "y"] }, "b": [], "c": {} }\n',
    );
  });

  it('breaks what does not fit into one entry per line, counting the key before it and the comma after it', () => {
    const long = 'x'.repeat(100);
    const text = formatDefinitionJson({ first: { label: long, hint: 'short' }, second: ['a', long] });
    expect(text).toBe(
      [
        '{',
        '  "first": {',
        `    "label": "${long}",`,
        '    "hint": "short"',
        '  },',
        '  "second": [',
        '    "a",',
        `    "${long}"`,
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('reads back as the same value, keys in their order, undefined left out as JSON does', () => {
    const value = { z: 1, a: [true, null, 2.5, 'ä "quoted"'], m: { nested: { deeper: ['x'] } }, gone: undefined };
    const text = formatDefinitionJson(value);
    expect(JSON.parse(text)).toEqual({ z: 1, a: [true, null, 2.5, 'ä "quoted"'], m: { nested: { deeper: ['x'] } } });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['z', 'a', 'm']);
  });
});
