import type { ModuleModel } from "../model.js";

/**
 * What is made of one module (its file, its docs, its section of the page), which `generate
 * --watch` keeps from one run to the next while the module and everything it depends on stay the
 * same. `kind` names the piece: `file`, `docs:en`, `page:zh`.
 */
export interface ModulePieces {
  piece(module: ModuleModel, kind: string, make: () => string): string;
}

/** Every piece made afresh: what a single run does. */
export const FRESH_PIECES: ModulePieces = { piece: (_module, _kind, make) => make() };
