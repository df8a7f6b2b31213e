import * as nodeFs from "node:fs";
import { resolve } from "node:path";
import type { CatalogDocument } from "./catalog.js";
import type { ModulePieces } from "./emit/pieces.js";
import type { OutputHashes } from "./fingerprint.js";
import { loadModel, render, withHashes } from "./generate.js";
import type { CatalogModel } from "./model.js";
import type { ReadCache } from "./read.js";
import { checkOutputFolder, encoded, type FileContent, type FileOps, type WriteResult, writeOutput } from "./write.js";

export interface Regenerated extends WriteResult {
  readonly model: CatalogModel;
  /** How many module files were emitted; the others' text was reused. */
  readonly modulesEmitted: number;
}

/**
 * Generates one output folder again and again, as `generate --watch` does, doing only the work an
 * edit needs: a file whose bytes did not change is not parsed again, a module read from the same
 * document (or an equal one) under the same catalog settings keeps what was made of it (its file,
 * its docs, its section of the page), and the files and hashes this process wrote last are not
 * read back. The files that gather every module (the index, the page, the lookups) are put
 * together each time. A failed run changes nothing, so the next starts from the last good one.
 */
export class Regenerator {
  private readonly cache: ReadCache = new Map();
  private readonly hashes: OutputHashes = new Map();
  private written: ReadonlyMap<string, FileContent> | undefined;
  /** The text of each file last run, to know which files changed without comparing bytes. */
  private texts: ReadonlyMap<string, string> = new Map();
  private modules = new Map<string, ModuleState>();
  private settings: string | undefined;

  constructor(
    private readonly schema: string,
    private readonly out: string,
    private readonly fs: FileOps = nodeFs,
  ) {}

  run(): Regenerated {
    const { model, read } = loadModel(this.schema, { cache: this.cache });
    const settings = settingsKey(model);
    const documents = new Map<string, unknown>();
    for (const source of read.moduleSources) {
      for (const [index, module] of source.modules.entries())
        documents.set(`${source.file}\0${source.pointer}/${index}`, module);
    }
    // A module's pieces are kept when it was read from the same document under the same settings.
    const modules = new Map<string, ModuleState>();
    const kept = new Map<string, ReadonlyMap<string, string>>();
    for (const module of model.modules) {
      const document = documents.get(`${module.origin.file}\0${module.origin.pointer}`);
      const state: ModuleState = { document, pieces: new Map() };
      const last = this.modules.get(module.file);
      if (last !== undefined && settings === this.settings && sameDocument(last, state)) {
        kept.set(module.file, last.pieces);
      }
      modules.set(module.file, state);
    }
    let modulesEmitted = 0;
    const pieces: ModulePieces = {
      piece: (module, kind, make) => {
        let text = kept.get(module.file)?.get(kind);
        if (text === undefined) {
          text = make();
          if (kind === "file") modulesEmitted++;
        }
        modules.get(module.file)?.pieces.set(kind, text);
        return text;
      },
    };
    const files = render(model, pieces);
    checkOutputFolder(this.out, this.schema, this.fs);
    const sources = { include: read.doc.include ?? [], inputs: read.inputs };
    const paths = { schema: this.schema, out: this.out };
    // A changed file is encoded once, for its hash and its write; an unchanged one is the very
    // content written last time, which the hash cache and the writer recognise as unchanged.
    const contents = new Map<string, FileContent>();
    for (const [file, text] of files) {
      const last = this.texts.get(file) === text ? this.written?.get(file) : undefined;
      contents.set(file, last ?? encoded(text));
    }
    const all = withHashes(contents, model, sources, paths, this.hashes);
    const result = writeOutput(this.out, all, this.fs, this.written);
    this.written = all;
    this.texts = files;
    this.modules = modules;
    this.settings = settings;
    return { model, modulesEmitted, ...result };
  }

  /** The catalog's `include` globs as last read, even when a run failed after reading it. */
  include(): readonly string[] {
    const catalog = this.cache.get(`catalog:${resolve(this.schema)}`)?.checked.doc as CatalogDocument | undefined;
    return catalog?.include ?? [];
  }
}

/** A module's document as read (the same object while its file is unchanged) and what was made of it. */
interface ModuleState {
  readonly document: unknown;
  readonly pieces: Map<string, string>;
}

/** Whether a module was read from the same document: the same object, or one with the same content. */
function sameDocument(last: ModuleState, next: ModuleState): boolean {
  return last.document !== undefined && sameData(last.document, next.document);
}

/** Deep equality of parsed YAML data (plain objects, arrays, scalars). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameData(item, b[index]));
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every(
    (key) => Object.hasOwn(bRecord, key) && sameData((a as Record<string, unknown>)[key], bRecord[key]),
  );
}

/**
 * Everything of the model but its modules, and every code's anchor: what a module's pieces may
 * depend on besides the module itself (a page section leaves out an old anchor another code has).
 */
function settingsKey(model: CatalogModel): string {
  const { modules, sources: _sources, ...settings } = model;
  const anchors = modules.map((module) => module.codes.map((entry) => entry.anchor).join(" "));
  return JSON.stringify({ settings, anchors });
}
