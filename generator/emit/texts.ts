import type { CatalogModel } from "../model.js";
import { tsPropertyKey, tsString } from "./escape.js";
import { FRESH_PIECES, type ModulePieces } from "./pieces.js";
import { codeKey, createLineWriter, finish, writeJsdoc } from "./writer.js";

/** The file of a locale's module texts: `texts/en.ts`. */
export function textsFile(locale: string): string {
  return `texts/${locale}.ts`;
}

/** The import specifier of a locale's texts from the output folder's root: `./texts/en.js`. */
export function textsImport(locale: string): string {
  return `./texts/${locale}.js`;
}

/**
 * `texts/<locale>.ts`: every module code's description in one locale, by module and code. The
 * parser never reads them; an app that shows descriptions imports the locales it shows.
 */
export function emitTexts(model: CatalogModel, locale: string, pieces: ModulePieces = FRESH_PIECES): string {
  const writer = createLineWriter(model);
  writer.blankLine();
  writer.writeLine(`import type { ModuleTexts } from "../types.js";`);
  writer.blankLine();
  writeJsdoc(writer, [
    `The module codes' descriptions in \`${locale}\`, by module id and code. Stated rather than checked: the compiler would compare each text with the type (about 5% of its time at 30,000 codes), for what the generator ensures.`,
  ]);
  writer.writeLine("export const MODULE_TEXTS = {");
  for (const module of model.modules) {
    // Each module's block as its lines, indented: kept whole by `--watch` while the module is unchanged.
    const block = () => {
      const lines = module.codes.map(
        (entry) => `    ${codeKey(entry.code)}: ${tsString(entry.description[locale] ?? "")},\n`,
      );
      return `  ${tsPropertyKey(module.id)}: {\n${lines.join("")}  },\n`;
    };
    writer.write(pieces.piece(module, `texts:${locale}`, block));
  }
  writer.writeLine("} as unknown as ModuleTexts;");
  return finish(writer);
}
