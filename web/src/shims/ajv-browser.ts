/**
 * Browser stand-in for ajv's class, swapped in by the build for the kit's `createAjv()`. It keeps the house
 * formats that precompiled validators call at run time. Compiling is not offered: ajv compiles with `new
 * Function`, which the Content-Security-Policy (no `unsafe-eval`) forbids.
 */
export default class Ajv {
  readonly formats: Record<string, unknown> = {};

  constructor(readonly opts: unknown) {}

  addFormat(name: string, format: unknown): this {
    this.formats[name] = format;
    return this;
  }

  compile(): never {
    throw new Error('ajv cannot compile in the browser (CSP without unsafe-eval); use a precompiled validator');
  }
}
