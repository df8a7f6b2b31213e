import type { CatalogModel, ModuleModel } from "../model.js";
import { emitAllEntry } from "./all.js";
import { emitApiError } from "./api-error.js";
import { emitClasses } from "./classes.js";
import { emitCommon } from "./common.js";
import { emitDescribe } from "./describe.js";
import { docFiles } from "./docs.js";
import { emitErrors } from "./errors.js";
import { emitFromCode } from "./from-code.js";
import { emitGitattributes } from "./gitattributes.js";
import { emitGuards } from "./guards.js";
import { htmlFiles } from "./html.js";
import { emitHttp } from "./http.js";
import { emitIndex } from "./index-file.js";
import { emitMatch } from "./match.js";
import { emitMessages } from "./messages.js";
import { emitModule, emitModules } from "./modules.js";
import { emitResponse } from "./response.js";
import { emitRetry } from "./retry.js";
import { emitTypes } from "./types.js";
import { emitWire } from "./wire.js";

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
    ["all.ts", emitAllEntry(model)],
    ["api-error.ts", emitApiError(model)],
    ["classes.ts", emitClasses(model)],
    ["from-code.ts", emitFromCode(model)],
    ["http.ts", emitHttp(model)],
    ["messages.ts", emitMessages(model)],
    ["retry.ts", emitRetry(model)],
    ["wire.ts", emitWire(model)],
    ["common.ts", emitCommon(model)],
    ["describe.ts", emitDescribe(model)],
    ...docFiles(model),
    ...htmlFiles(model),
    ["errors.ts", emitErrors(model)],
    ["guards.ts", emitGuards(model)],
    ["index.ts", emitIndex(model)],
    ["match.ts", emitMatch(model)],
    ["modules.ts", emitModules(model)],
    ["response.ts", emitResponse(model)],
    ["types.ts", emitTypes(model)],
    ...model.modules.map((module): [string, string] => [module.file, moduleText(module)]),
  ];
  const withExtension = files.map(([path, text]): [string, string] => [
    path,
    path.endsWith(".ts") ? importExtension(text, model.output.importExtension) : text,
  ]);
  return new Map(withExtension.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The output's own import specifiers with the catalog's extension. Emitters write the `.js` that
 * compiled builds need; `.ts` is for Deno and Node's type stripping, which import the sources.
 * Only relative specifiers of `import`/`export ... from` are touched: they are all errcat's.
 */
export function importExtension(text: string, extension: ".js" | ".ts"): string {
  if (extension === ".js") return text;
  return text.replace(
    /^((?:import|export)\b[^\n]*? from "|\} from ")(\.{1,2}\/[^"]+)\.js(";)$/gm,
    `$1$2${extension}$3`,
  );
}
