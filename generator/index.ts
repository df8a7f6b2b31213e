/** errcat's programmatic API. */
export type { Drift } from "./drift.js";
export {
  DEFAULT_OUT,
  DEFAULT_SCHEMA,
  type GenerateOptions,
  type GenerateResult,
  generate,
  render,
  validate,
} from "./generate.js";
export type { CatalogModel } from "./model.js";
export { CatalogError, formatProblem, type Location, type Problem } from "./problems.js";
export { MANIFEST_FILE, OutputFolderError } from "./write.js";
