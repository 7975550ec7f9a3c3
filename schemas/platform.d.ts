/**
 * Globals that both of the kit's runtimes (browsers and Node) have, declared as narrowly as the kit and the domain
 * use them: their projects (schemas/tsconfig.json, functions/src/domain/tsconfig.json) have neither DOM nor Node
 * types, so using anything else of either platform fails the type check.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
}
