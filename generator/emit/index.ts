import type { CatalogModel, ModuleModel } from "../model.js";
import { emitApiError } from "./api-error.js";
import { emitCommon } from "./common.js";
import { docFiles } from "./docs.js";
import { emitErrors } from "./errors.js";
import { emitDescribe, emitMatch } from "./extras.js";
import { emitGitattributes } from "./gitattributes.js";
import { emitGuards } from "./guards.js";
import { emitIndex } from "./index-file.js";
import { emitModule, emitModules } from "./modules.js";
import { emitResponse } from "./response.js";
import { emitTypes } from "./types.js";

/**
 * Every file of the output, by path inside the output folder (POSIX separators), sorted by path.
 * `moduleText` lets `generate --watch` reuse the text of modules whose input did not change.
 */
export function emitAll(
  model: CatalogModel,
  moduleText: (module: ModuleModel) => string = (module) => emitModule(model, module),
): Map<string, string> {
  const files: [string, string][] = [
    [".gitattributes", emitGitattributes(model)],
    ["api-error.ts", emitApiError(model)],
    ["common.ts", emitCommon(model)],
    ["describe.ts", emitDescribe(model)],
    ...docFiles(model),
    ["errors.ts", emitErrors(model)],
    ["guards.ts", emitGuards(model)],
    ["index.ts", emitIndex(model)],
    ["match.ts", emitMatch(model)],
    ["modules.ts", emitModules(model)],
    ["response.ts", emitResponse(model)],
    ["types.ts", emitTypes(model)],
    ...model.modules.map((module): [string, string] => [module.file, moduleText(module)]),
  ];
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
