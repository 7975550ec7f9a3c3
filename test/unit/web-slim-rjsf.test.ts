import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import realFields from '@rjsf/core/lib/components/fields/index.js';
import realTemplates from '@rjsf/core/lib/components/templates/index.js';
import realWidgets from '@rjsf/core/lib/components/widgets/index.js';
import { deepEquals as realDeepEquals, getWidget, hasWidget, retrieveSchema, type RJSFSchema, type ValidatorType } from '@rjsf/utils';
import * as realOmitExtraData from '@rjsf/utils/lib/schema/omitExtraData.js';
import realAllOfMerge from '@rjsf/utils/lib/schema/shallowAllOfMerge.js';
import { splitKeyElementFromObject as realSplit } from '@rjsf/utils/lib/findSchemaDefinition.js';
import { createElement as preactElement, forwardRef as preactForwardRef, memo as preactMemo } from 'preact/compat';
import { createElement, forwardRef, Fragment, memo } from 'react';
// @ts-expect-error react-is 18 ships no types; the test only calls isForwardRef and isMemo.
import * as realReactIs from 'react-is';
import { describe, expect, it } from 'vitest';
import { fieldKind, FORMATS, WIDGETS, type FieldKind, type JsonSchema } from '../../schemas/src/index.js';
import { templates as ourTemplates } from '../../web/src/resident/templates.js';
import { widgets as ourWidgets } from '../../web/src/resident/widgets.js';
import * as reactIs from '../../web/src/shims/react-is.js';
import allOfMerge from '../../web/src/shims/rjsf-all-of-merge.js';
import deepEquals from '../../web/src/shims/rjsf-deep-equals.js';
import slimFields from '../../web/src/shims/rjsf-fields.js';
import omitExtraData, * as slimOmitExtraData from '../../web/src/shims/rjsf-omit-extra-data.js';
import chooseOption from '../../web/src/shims/rjsf-option-matching.js';
import findSchemaDefinition, { splitKeyElementFromObject } from '../../web/src/shims/rjsf-schema-definitions.js';
import slimTemplates from '../../web/src/shims/rjsf-templates.js';
import toPathSchema from '../../web/src/shims/rjsf-to-path-schema.js';
import slimWidgets from '../../web/src/shims/rjsf-widgets.js';
import { SLIM_RJSF } from '../../web/vite/slim-rjsf.js';
import { catalog } from '../support/test-app.js';

describe('the list of replaced modules (web/vite/slim-rjsf.ts)', () => {
  it('names modules that exist where rjsf imports them, and stand-ins that exist', () => {
    const require = createRequire(import.meta.url);
    const nodeModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
    for (const { module, shim } of SLIM_RJSF) {
      expect(existsSync(`${nodeModules}${module}`), module).toBe(true);
      expect(existsSync(shim), shim).toBe(true);
    }
    // rjsf imports react-is by name; it must still be the file the table names.
    expect(require.resolve('react-is')).toBe(`${nodeModules}react-is/index.js`);
  });
});

/** A schema of each kind of question (supported.ts), as the forms write them. */
const EXAMPLES: Record<FieldKind, JsonSchema> = {
  text: { type: 'string', maxLength: 100 },
  number: { type: 'integer', minimum: 0 },
  choice: { type: 'string', enum: ['a', 'b'] },
  yesNo: { type: 'boolean' },
  choices: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a', 'b'] } },
  group: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { a: { type: 'string', maxLength: 9 } } } },
  object: { type: 'object', additionalProperties: false, properties: { a: { type: 'string', maxLength: 9 } } },
};

describe('the widgets the form page keeps', () => {
  const registry = { ...slimWidgets(), ...ourWidgets };

  it('give rjsf a widget for every kind of question, widget and format the lint allows, and the defaults', () => {
    for (const [kind, schema] of Object.entries(EXAMPLES) as [FieldKind, RJSFSchema][]) {
      expect(fieldKind(schema as JsonSchema)).toBe(kind);
      for (const widget of WIDGETS[kind]) expect(() => getWidget(schema, widget, registry), `${kind}: ${widget}`).not.toThrow();
    }
    // What rjsf picks without a `ui:widget` (StringField, BooleanField, ArrayField's multi-select).
    for (const [schema, widget] of [
      [EXAMPLES.text, 'text'],
      [EXAMPLES.number, 'text'],
      [EXAMPLES.choice, 'select'],
      [{ type: 'integer', enum: [1, 2] }, 'select'],
      [EXAMPLES.yesNo, 'checkbox'],
      [EXAMPLES.choices, 'select'],
    ] as [RJSFSchema, string][]) {
      expect(() => getWidget(schema, widget, registry), `${JSON.stringify(schema)}: ${widget}`).not.toThrow();
    }
    for (const format of FORMATS) expect(hasWidget({ type: 'string', format }, format, registry), format).toBe(true);
    expect(getWidget({ type: 'string', format: 'birth-date' }, 'birth-date', registry)).toBe(
      getWidget({ type: 'string' }, ourWidgets['birth-date']!, registry),
    );
  });

  it('leave out only widgets no form can reach', () => {
    const dropped = Object.keys(realWidgets()).filter((name) => !(name in slimWidgets()));
    expect(dropped.sort()).toEqual([
      'AltDateTimeWidget',
      'AltDateWidget',
      'ColorWidget',
      'DateTimeWidget',
      'DateWidget',
      'FileWidget',
      'HiddenWidget',
      'PasswordWidget',
      'RangeWidget',
      'RatingWidget',
      'TimeWidget',
      'URLWidget',
      'UpDownWidget',
    ]);
    // rjsf's date input is replaced by ours, which the page always has.
    expect(ourWidgets['DateWidget']).toBeDefined();
  });
});

describe('the fields and templates the form page keeps', () => {
  it('give SchemaField a field for every type a question can have', () => {
    const fields = slimFields();
    const byType: Record<string, string> = {
      array: 'ArrayField',
      boolean: 'BooleanField',
      integer: 'NumberField',
      number: 'NumberField',
      object: 'ObjectField',
      string: 'StringField',
    };
    for (const schema of Object.values(EXAMPLES)) expect(fields[byType[schema.type as string]!], String(schema.type)).toBeDefined();
    expect(fields.SchemaField).toBe(realFields().SchemaField);
    expect(fields.ArrayField).toBe(realFields().ArrayField);
    expect(fields.FallbackField).toBeDefined();
    const dropped = Object.keys(realFields()).filter((name) => !(name in fields));
    expect(dropped.sort()).toEqual([
      'AnyOfField',
      'CyclicSchemaField',
      'LayoutGridField',
      'LayoutHeaderField',
      'LayoutMultiSchemaField',
      'NullField',
      'OneOfField',
      'OptionalDataControlsField',
    ]);
  });

  it('with ours, hold every template the kept fields and widgets ask for', () => {
    const all = { ...slimTemplates(), ...ourTemplates } as Record<string, unknown>;
    // SchemaField, ObjectField, ArrayField, the text/email/checkbox/select widgets and Form's submit button.
    for (const name of [
      'FieldTemplate',
      'DescriptionFieldTemplate',
      'FieldHelpTemplate',
      'FieldErrorTemplate',
      'ObjectFieldTemplate',
      'ArrayFieldTemplate',
      'ArrayFieldItemTemplate',
      'UnsupportedFieldTemplate',
      'BaseInputTemplate',
    ]) {
      expect(all[name], name).toBeDefined();
    }
    expect(slimTemplates().ButtonTemplates.SubmitButton).toBe(realTemplates().ButtonTemplates.SubmitButton);
    expect(slimTemplates().BaseInputTemplate).toBe(realTemplates().BaseInputTemplate);
  });
});

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

function corpus(): unknown[] {
  const circular: Record<string, unknown> = { a: 1 };
  circular['self'] = circular;
  const circular2: Record<string, unknown> = { a: 1 };
  circular2['self'] = circular2;
  const loopA: unknown[] = [1];
  loopA.push(loopA);
  const loopB: unknown[] = [1];
  loopB.push(loopB);
  const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
  class Point {
    constructor(
      public x: number,
      public y: number,
    ) {}
  }
  const error = (message: string) => Object.assign(new Error(message), { stack: 'same' });
  const f = () => 1;
  const g = () => 2;
  return [
    0,
    -0,
    1,
    NaN,
    Infinity,
    1n,
    'a',
    '',
    true,
    false,
    null,
    undefined,
    Symbol.for('s'),
    f,
    g,
    class {},
    {},
    [],
    [1, 2],
    [2, 1],
    [1, [2, [3]]],
    { a: 1 },
    { a: 1, b: undefined },
    { b: undefined, a: 1 },
    { a: [1, { b: 2 }] },
    { a: f },
    { a: g },
    nullProto,
    Object.assign(Object.create(null) as object, { a: 1 }),
    Object.assign(Object.create(null) as object, { a: 2 }),
    new Date(0),
    new Date(0),
    new Date(NaN),
    /a/g,
    /a/g,
    /a/i,
    new Map([[1, { a: 1 }]]),
    new Map([[1, { a: 1 }]]),
    new Map([[{ k: 1 }, 1]]),
    new Map([[{ k: 1 }, 1]]),
    new Set([1, { a: 1 }]),
    new Set([{ a: 1 }, 1]),
    new Set([1, 2]),
    Promise.resolve(1),
    Promise.resolve(1),
    { then: f },
    new Point(1, 2),
    new Point(1, 2),
    new Point(2, 1),
    circular,
    circular2,
    { self: circular },
    loopA,
    loopB,
    error('x'),
    error('x'),
    error('y'),
    Object.assign(error('x'), { code: 1 }),
    new TypeError('x'),
    new Uint8Array([1, 2]),
    new Uint8Array([1, 2]),
    new Float64Array([NaN]),
    new Float64Array([NaN]),
    new Int16Array([1, 2]),
    new ArrayBuffer(2),
    new ArrayBuffer(2),
    new Uint8Array(new ArrayBuffer(4), 1, 2),
    new Uint8Array(new ArrayBuffer(4), 2, 2),
    new DataView(new ArrayBuffer(4), 1, 2),
    new DataView(new ArrayBuffer(4), 2, 2),
    new DataView(new ArrayBuffer(2)),
    Object.assign(error('x'), { cause: 1 }),
    new Error('x', { cause: 1 }),
    new URL('https://a.fi/?x=1&y=2'),
    new URL('https://a.fi/?y=2&x=1'),
    new URL('https://b.fi/'),
    Object(1),
    Object(1),
    Object('a'),
    Object(false),
    new WeakMap(),
    { $$typeof: Symbol.for('react.element'), type: 'div', props: { a: 1 }, _owner: { x: 1 } },
    { $$typeof: Symbol.for('react.element'), type: 'div', props: { a: 1 }, _owner: { x: 2 } },
    { type: 'div', props: { a: 1 }, __v: 1, constructor: undefined, $$typeof: Symbol.for('react.element') },
    { type: 'div', props: { a: 1 }, __v: 2, constructor: undefined, $$typeof: Symbol.for('react.element') },
    { constructor: 'x', a: 1 },
    { constructor: 'x', a: 1 },
    { constructor: 'y', a: 1 },
  ];
}

/** A random JSON-like value with functions, and a copy that may differ in one place. */
function randomPair(next: () => number): [unknown, unknown] {
  const leaf = () => [0, -0, 1, NaN, 'a', 'b', true, null, undefined, () => 0][Math.floor(next() * 10)];
  const build = (depth: number): unknown => {
    if (depth === 0 || next() < 0.3) return leaf();
    const size = Math.floor(next() * 4);
    if (next() < 0.5) return Array.from({ length: size }, () => build(depth - 1));
    return Object.fromEntries(Array.from({ length: size }, (_, i) => [`k${Math.floor(next() * 3) + i}`, build(depth - 1)]));
  };
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return next() < 0.05 ? leaf() : v;
    if (Array.isArray(v)) return next() < 0.03 ? [...v.map(copy), leaf()] : v.map(copy);
    const entries = Object.entries(v).map(([k, x]) => [k, copy(x)] as const);
    if (next() < 0.3) entries.reverse();
    if (next() < 0.03) entries.pop();
    return Object.fromEntries(entries);
  };
  const a = build(4);
  return [a, copy(a)];
}

describe('the deep equality that replaces fast-equals', () => {
  it("answers as rjsf's deepEquals on every pair of a corpus of values, circular ones included", () => {
    const values = corpus();
    values.forEach((a, i) => {
      values.forEach((b, j) => expect(deepEquals(a, b), `corpus[${i}] / corpus[${j}]`).toBe(realDeepEquals(a, b)));
    });
  });

  it("answers as rjsf's deepEquals on random data, equal and slightly different", () => {
    const next = random(20260601);
    let equal = 0;
    for (let i = 0; i < 3000; i++) {
      const [a, b] = randomPair(next);
      const expected = realDeepEquals(a, b);
      if (expected) equal++;
      expect(deepEquals(a, b), JSON.stringify([a, b])).toBe(expected);
    }
    // Both outcomes are exercised.
    expect(equal).toBeGreaterThan(500);
    expect(equal).toBeLessThan(2900);
  });

  it('counts any two functions equal and survives circular data', () => {
    expect(deepEquals({ onChange: () => 1 }, { onChange: () => 2 })).toBe(true);
    const a: Record<string, unknown> = {};
    a['a'] = a;
    const b: Record<string, unknown> = {};
    b['a'] = { a: b };
    expect(deepEquals(a, b)).toBe(realDeepEquals(a, b));
  });
});

describe('the allOf merge that replaces @x0k/json-schema-merge', () => {
  /** The rules' outcomes: each `if` holds or not, as the mask says. */
  const validatorFor = (rules: JsonSchema[], mask: number) =>
    ({ isValid: (schema: RJSFSchema) => Boolean(mask & (1 << rules.findIndex((r) => r.if === schema))) }) as unknown as ValidatorType;

  for (const form of catalog.forms) {
    it(`gives what the library gives for ${form.id} in every combination of its rules`, () => {
      const rules = form.schema.allOf ?? [];
      expect(rules.length).toBeGreaterThan(0);
      for (let mask = 0; mask < 1 << rules.length; mask++) {
        // What rjsf hands the merge once the rules are resolved: each member a holding rule's `then`, or {}.
        const { allOf: _rules, ...rest } = form.schema;
        const members = rules.map((rule, i) => (mask & (1 << i) ? structuredClone(rule.then) : {}));
        const schema = { ...structuredClone(rest), allOf: members } as RJSFSchema;
        const real = realAllOfMerge(structuredClone(schema));
        const ours = allOfMerge(structuredClone(schema) as Record<string, unknown>);
        expect(JSON.stringify(ours), `mask ${mask}`).toBe(JSON.stringify(real));
        // And through rjsf's own retrieveSchema, which resolves the if/then rules itself.
        const root = form.schema as RJSFSchema;
        const validator = validatorFor(rules, mask);
        const viaRjsf = retrieveSchema(validator, root, root, {});
        const viaOurs = retrieveSchema(validator, root, root, {}, (s) => allOfMerge(s as Record<string, unknown>) as RJSFSchema);
        expect(JSON.stringify(viaOurs), `mask ${mask}`).toBe(JSON.stringify(viaRjsf));
      }
    });
  }

  it('follows the library on the edges of the allowed shape: no rules, open parents, names the parent lacks', () => {
    const cases: RJSFSchema[] = [
      { type: 'object', properties: { a: { type: 'string' } }, allOf: [] },
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], allOf: [{ required: ['b', 'c'] }, { required: ['a'] }] },
      { type: 'object', properties: { a: { type: 'string' } }, allOf: [{ properties: { a: true, b: true } }] },
      { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } }, allOf: [{ properties: { b: true } }] },
      { type: 'object', additionalProperties: false, allOf: [{ properties: { b: true } }] },
      { type: 'object', additionalProperties: true, properties: { a: {} }, allOf: [{ properties: { a: true } }] },
      {
        type: 'object',
        allOf: [
          { properties: { b: true }, required: ['b'] },
          { required: ['b'], properties: { c: true } },
        ],
      },
      { type: 'object', allOf: [true, {}, { allOf: [{ required: ['x'] }] }] },
      { allOf: [{ required: ['x'] }] },
      { allOf: [{}, true] },
      { type: 'object', additionalProperties: false, properties: {}, allOf: [{ properties: { b: true } }] },
    ];
    for (const schema of cases)
      expect(JSON.stringify(allOfMerge(structuredClone(schema) as Record<string, unknown>)), JSON.stringify(schema)).toBe(
        JSON.stringify(realAllOfMerge(structuredClone(schema))),
      );
  });

  it('throws on any other shape, which rjsf catches and reports', () => {
    for (const member of [
      { properties: { a: { type: 'string' } } },
      { anyOf: [{ required: ['a'] }] },
      { minLength: 2 },
      { required: 'a' },
    ]) {
      expect(
        () => allOfMerge({ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } }, allOf: [member] }),
        JSON.stringify(member),
      ).toThrow(/not supported/);
    }
    expect(() => allOfMerge({ type: 'object', patternProperties: { x: {} }, allOf: [{ properties: { a: true } }] })).toThrow(
      /patternProperties/,
    );
  });
});

describe('react-is, as far as getWidget asks', () => {
  it('tells forwardRef and memo elements apart as react-is does, for React and Preact elements', () => {
    const Plain = () => null;
    const values: unknown[] = [
      createElement(
        forwardRef(() => null),
        null,
      ),
      createElement(memo(Plain), null),
      createElement(Plain, null),
      createElement('div', null),
      createElement(Fragment, null),
      forwardRef(() => null),
      memo(Plain),
      preactElement(
        preactForwardRef(() => null),
        null,
      ),
      preactElement(preactMemo(Plain), null),
      preactElement('div', null),
      'radio',
      Plain,
      null,
      undefined,
      {},
    ];
    for (const value of values) {
      expect(reactIs.isForwardRef(value)).toBe(realReactIs.isForwardRef(value));
      expect(reactIs.isMemo(value)).toBe(realReactIs.isMemo(value));
      expect(reactIs.default.isMemo(value)).toBe(realReactIs.isMemo(value));
    }
    // Preact's compat layer, which the page runs on, marks its elements as React 18 did, so both answer yes there.
    expect(
      reactIs.isForwardRef(
        preactElement(
          preactForwardRef(() => null),
          null,
        ),
      ),
    ).toBe(true);
    expect(
      realReactIs.isForwardRef(
        preactElement(
          preactForwardRef(() => null),
          null,
        ),
      ),
    ).toBe(true);
  });
});

describe('the schema utilities the form page leaves out', () => {
  it('keep the helpers rjsf imports from them and throw if the rest is ever called', () => {
    expect(slimOmitExtraData.getUsedFormData).toBe(realOmitExtraData.getUsedFormData);
    expect(slimOmitExtraData.getFieldNames).toBe(realOmitExtraData.getFieldNames);
    expect(slimOmitExtraData.isValueEmpty).toBe(realOmitExtraData.isValueEmpty);
    expect(() => omitExtraData()).toThrow(/StepForm does not use it/);
    expect(() => toPathSchema()).toThrow(/left out/);
    expect(() => chooseOption()).toThrow(/anyOf\/oneOf/);
    expect(() => findSchemaDefinition('#/definitions/a')).toThrow(/Could not find a definition for #\/definitions\/a/);
    const object = { a: 1, b: { c: 2 } };
    expect(splitKeyElementFromObject('b', object)).toEqual(realSplit('b', object));
    expect(splitKeyElementFromObject('x', object)).toEqual(realSplit('x', object));
  });
});
