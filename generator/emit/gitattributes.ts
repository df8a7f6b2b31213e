import type { CatalogModel } from "../model.js";
import { generatedNotice } from "./writer.js";

/** `.gitattributes`: marks every file of the output folder generated, so reviews and language stats skip them. */
export function emitGitattributes(model: CatalogModel): string {
  return `# ${generatedNotice(model)}\n* linguist-generated\n`;
}
