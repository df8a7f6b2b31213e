/**
 * Generates a catalog held in a string and loads its output, without writing the output anywhere:
 * for tests that exercise one feature of the format on a small catalog.
 */
import { render, validate } from "../generator/index.js";
import type { CatalogModel } from "../generator/model.js";
import { loadOutput } from "./fuzz/load.js";
import { tempDir, writeCatalog } from "./helpers.js";

/** An error as tests read it: every field of the generated classes, loosely typed. */
export type LoadedError = Error & Record<string, unknown> & { readonly code: unknown };

export interface CatalogApi {
  readonly model: CatalogModel;
  readonly files: ReadonlyMap<string, string>;
  /** The exports of `all.ts`. */
  readonly api: Record<string, unknown>;
  readonly errorFromResponse: (body: unknown, options?: Record<string, unknown>) => LoadedError | undefined;
}

/** Validates, renders and loads `text`; throws the CatalogError of an invalid catalog. */
export async function catalogApi(text: string): Promise<CatalogApi> {
  const dir = tempDir();
  const model = validate(writeCatalog(dir, text));
  const files = render(model);
  const loaded = await loadOutput(files, () => {
    throw new Error("catalog text ran as code");
  });
  const api = loaded.get("all.ts") ?? {};
  return { model, files, api, errorFromResponse: api.errorFromResponse as CatalogApi["errorFromResponse"] };
}

/** Validates, renders and loads a catalog file (with its includes). */
export async function catalogFileApi(file: string): Promise<CatalogApi> {
  const model = validate(file);
  const files = render(model);
  const loaded = await loadOutput(files, () => {
    throw new Error("catalog text ran as code");
  });
  const api = loaded.get("all.ts") ?? {};
  return { model, files, api, errorFromResponse: api.errorFromResponse as CatalogApi["errorFromResponse"] };
}
