import { parentPort, workerData } from "node:worker_threads";
import { CatalogError } from "./problems.js";
import { readCatalog } from "./read.js";

/** Reads a catalog off the main thread; posts the documents, or the problems with their positions. */
try {
  const read = readCatalog(workerData as string);
  parentPort?.postMessage({ doc: read.doc, moduleSources: read.moduleSources });
} catch (error) {
  if (!(error instanceof CatalogError)) throw error;
  parentPort?.postMessage({ problems: error.problems });
}
