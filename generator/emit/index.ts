import type { CatalogModel } from "../model.js";
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
import { emitModuleErrors } from "./module-errors.js";
import { emitModule, emitModules } from "./modules.js";
import { FRESH_PIECES, type ModulePieces } from "./pieces.js";
import { emitResponse } from "./response.js";
import { emitRetry } from "./retry.js";
import { emitTexts, textsFile } from "./texts.js";
import { emitTypes } from "./types.js";
import { emitWire } from "./wire.js";

/**
 * Every file of the output, by path inside the output folder (POSIX separators), sorted by path.
 * `pieces` lets `generate --watch` reuse what it made of modules whose input did not change;
 * `onFile` is told each file as soon as it is made, so that writing it can start while the
 * rest is emitted.
 */
export function emitAll(
  model: CatalogModel,
  pieces: ModulePieces = FRESH_PIECES,
  onFile?: (path: string, text: string) => void,
): Map<string, string> {
  const files = new Map<string, string>();
  const add = (path: string, text: string) => {
    const final = path.endsWith(".ts") ? importExtension(text, model.output.importExtension) : text;
    files.set(path, final);
    onFile?.(path, final);
  };
  add(".gitattributes", emitGitattributes(model));
  add("all.ts", emitAllEntry(model));
  add("api-error.ts", emitApiError(model));
  add("classes.ts", emitClasses(model));
  add("from-code.ts", emitFromCode(model));
  add("http.ts", emitHttp(model));
  add("messages.ts", emitMessages(model));
  add("module-errors.ts", emitModuleErrors(model));
  add("retry.ts", emitRetry(model));
  add("wire.ts", emitWire(model));
  add("common.ts", emitCommon(model));
  add("describe.ts", emitDescribe(model));
  add("errors.ts", emitErrors(model));
  add("guards.ts", emitGuards(model));
  add("index.ts", emitIndex(model));
  add("match.ts", emitMatch(model));
  add("modules.ts", emitModules(model));
  add("response.ts", emitResponse(model));
  add("types.ts", emitTypes(model));
  for (const module of model.modules)
    add(
      module.file,
      pieces.piece(module, "file", () => emitModule(model, module)),
    );
  for (const locale of model.locales) add(textsFile(locale), emitTexts(model, locale, pieces));
  for (const [path, text] of docFiles(model, pieces)) add(path, text);
  for (const [path, text] of htmlFiles(model, pieces)) add(path, text);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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
