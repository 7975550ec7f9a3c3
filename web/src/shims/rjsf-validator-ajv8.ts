/**
 * Stand-in for @rjsf/validator-ajv8, which @rjsf/core imports only for `getTestRegistry` (rjsf's own tests). The
 * forms validate with the kit (resident/rjsf-validator.ts); the real package would bring ajv's compiler, which
 * needs `eval` (forbidden by the CSP) and, with the fast-uri shim, breaks the dev server's page at load.
 */
const notHere = (): never => {
  throw new Error('@rjsf/validator-ajv8 is not part of Koto Forms: forms validate with resident/rjsf-validator.ts');
};

export default { validateFormData: notHere, toErrorList: notHere, isValid: notHere, rawValidation: notHere, reset: notHere };
