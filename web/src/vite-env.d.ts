/// <reference types="vite/client" />

declare module 'virtual:koto-validators' {
  import type { PrecompiledValidator } from './resident/validation/load-validator.js';
  /** Loaders of the forms' precompiled validators, by form id (built from `schemas/forms`). */
  export const validators: Record<string, () => Promise<PrecompiledValidator>>;
}
