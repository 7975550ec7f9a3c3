export * from './ajv-options.js';
export * from './canonical-json.js';
export * from './conditions.js';
export * from './definition-shape.js';
export * from './digits.js';
export * from './email.js';
export * from './text-hygiene.js';
export * from './empty-answer.js';
export * from './admin-contract.js';
export * from './admin-staff-contract.js';
export * from './error-codes.js';
export * from './i18n.js';
export * from './languages.js';
export * from './lint.js';
export * from './localize.js';
export * from './messages.js';
export * from './municipality-lint.js';
export * from './municipality-texts.js';
export * from './numbers.js';
export * from './problems.js';
export * from './public-contract.js';
export * from './reference.js';
export * from './show-answer.js';
export * from './staff-contract.js';
export * from './statuses.js';
export * from './supported.js';
export * from './texts.js';
export * from './types.js';
export * from './validate.js';
export * from './definition-json.js';
// Not here: `localize` (localize-form.ts) and the workbench's modules (questions.ts, translation-grid.ts,
// review-stamps.ts), imported by path, so that
// the resident bundle, which reads this index, never reaches them (page-weight.test.ts).
