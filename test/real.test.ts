/**
 * errcat on real public catalogs: Tencent Cloud API 2.0 and 3.0, WeChat and WeChat Pay. The
 * catalogs are converted at test time from `../shared/data/real` (see PROVENANCE.md there) into a
 * temporary folder; nothing of their text is kept in the repository.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsFile, moduleDocsFile } from "../generator/emit/docs.js";
import { CatalogError, type CatalogModel, render, validate } from "../generator/index.js";
import { errorClassName } from "../generator/names.js";
import { cleanup, ROOT, tempDir } from "./helpers.js";
import {
  accounting,
  type ConvertedCatalog,
  convert,
  convertV2,
  resolutionLines,
  summary,
  WECHAT_CONST_PLATFORM,
  WECHAT_PLATFORMS,
  WHICH,
  writeConverted,
} from "./real/convert.js";

const SHARED = resolve(ROOT, "../shared/data/real");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

if (!existsSync(SHARED)) {
  console.warn(`test/real.test.ts: skipped: the real catalogs are not at ${SHARED} (see its PROVENANCE.md).`);
}

interface Generated {
  readonly converted: ConvertedCatalog;
  readonly catalog: string;
  readonly out: string;
  readonly model?: CatalogModel;
  readonly files?: ReadonlyMap<string, string>;
  readonly error?: unknown;
  readonly ms: number;
}

interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly code: string;
  readonly message: string;
}

/** What a generated runtime exports, as far as these tests use it. */
interface Runtime {
  readonly errorFromResponse: (
    body: unknown,
    options?: { module?: string },
  ) => (Error & { code: unknown; requestId?: string; moduleError?: unknown }) | undefined;
  readonly commonErrorInfo: (code: unknown) => { fault: string; retryable: boolean; name: string } | undefined;
  readonly describe: (code: unknown, locale?: string, module?: string) => { description: string } | undefined;
  readonly [name: string]: unknown;
}

describe.skipIf(!existsSync(SHARED))("real catalogs", () => {
  let dir: string;
  let catalogs: ConvertedCatalog[];
  const generated = new Map<string, Generated>();
  const timings: string[] = [];
  const time = <T>(what: string, run: () => T): T => {
    const start = performance.now();
    const result = run();
    timings.push(`${what}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
    return result;
  };

  beforeAll(() => {
    dir = tempDir("errcat-real-");
    catalogs = time("convert", () => WHICH.flatMap((which) => convert(which, SHARED)));
    for (const converted of catalogs) {
      const catalog = writeConverted(converted, join(dir, "catalogs", converted.id));
      const out = join(dir, "out", converted.id);
      const start = performance.now();
      try {
        const model = validate(catalog);
        const files = render(model);
        for (const [path, text] of files) {
          mkdirSync(dirname(join(out, path)), { recursive: true });
          writeFileSync(join(out, path), text);
        }
        generated.set(converted.id, { converted, catalog, out, model, files, ms: performance.now() - start });
      } catch (error) {
        generated.set(converted.id, { converted, catalog, out, error, ms: performance.now() - start });
      }
      timings.push(
        `validate + render ${converted.id}: ${((generated.get(converted.id)?.ms ?? 0) / 1000).toFixed(2)} s`,
      );
    }
    console.log(`${summary(catalogs)}\n`);
  });

  afterAll(() => {
    console.log(timings.join("\n"));
    cleanup();
  });

  const ids = () => catalogs.map((converted) => converted.id);
  const get = (id: string): Generated & { model: CatalogModel; files: ReadonlyMap<string, string> } => {
    const entry = generated.get(id);
    if (!entry?.model || !entry.files) throw entry?.error ?? new Error(`${id} was not generated`);
    return entry as Generated & { model: CatalogModel; files: ReadonlyMap<string, string> };
  };

  describe("conversion", () => {
    it("converts every source: v2, v3, one catalog per WeChat platform, WeChat Pay", () => {
      expect(ids()).toEqual(["v2", "v3", ...WECHAT_PLATFORMS.map((platform) => `wechat-${platform}`), "wechat-pay"]);
    });

    it("drops nothing silently: every input row is kept or removed by a printed resolution", () => {
      for (const converted of catalogs) {
        const { kept, removed, input } = accounting(converted);
        expect(kept + removed, converted.id).toBe(input);
        expect(resolutionLines(converted)).toHaveLength(converted.resolutions.length);
      }
    });

    it("takes over the sources' sizes", () => {
      const byId = new Map(catalogs.map((converted) => [converted.id, converted]));
      // PROVENANCE.md: 2,119 (module, code) rows of which 47 have a code that is not an integer.
      expect(byId.get("v2")?.stats).toMatchObject({ input: 2119, common: 23, modules: 43, moduleCodes: 2072 });
      // 16,931 rows in 282 product-versions of 248 products; 37 common codes.
      expect(byId.get("v3")?.stats).toMatchObject({ input: 16931, common: 37, modules: 282, moduleCodes: 16931 });
      expect(byId.get("v3")?.stats.files).toBe(1 + 248);
      const wechatRows = WECHAT_PLATFORMS.reduce((sum, p) => sum + (byId.get(`wechat-${p}`)?.stats.input ?? 0), 0);
      expect(wechatRows).toBe(2487);
    });

    it("drops the success code 0 from the WeChat lists, and says so", () => {
      for (const platform of WECHAT_PLATFORMS) {
        const converted = catalogs.find((catalog) => catalog.id === `wechat-${platform}`);
        const dropped = converted?.resolutions.filter((resolution) => resolution.kind === "dropped") ?? [];
        expect(dropped.map((resolution) => resolution.where)).toEqual(platform === "ma" ? [] : ["0"]);
      }
    });
  });

  describe("validate and render", () => {
    it.each(["v2", "v3", ...WECHAT_PLATFORMS.map((platform) => `wechat-${platform}`), "wechat-pay"])(
      "%s validates and renders",
      (id) => {
        const entry = generated.get(id);
        if (entry?.error) throw entry.error;
        const { model, files, converted } = get(id);
        expect(model.common).toHaveLength(converted.stats.common);
        expect(model.modules).toHaveLength(converted.stats.modules);
        expect(model.modules.reduce((sum, module) => sum + module.codes.length, 0)).toBe(converted.stats.moduleCodes);
        expect([...files.keys()]).toEqual(expect.arrayContaining(["index.ts", "response.ts", "error-codes.md"]));
        for (const module of model.modules) expect(files.has(module.file), module.file).toBe(true);
        if (model.locales.length > 1) expect(files.has("error-codes.zh.md")).toBe(true);
      },
    );

    it(`uses enumStyle const for wechat-${WECHAT_CONST_PLATFORM}`, () => {
      const { model, files } = get(`wechat-${WECHAT_CONST_PLATFORM}`);
      expect(model.enumStyle).toBe("const");
      expect(files.get("common.ts")).toMatch(/export const CommonErrorCode = \{/);
      expect(files.get("common.ts")).not.toMatch(/\benum\b/);
    });

    it("gives v3 derived-name collisions explicit names, and reports them", () => {
      const v3 = get("v3");
      const renamed = v3.converted.resolutions.filter((resolution) => resolution.kind === "renamed");
      expect(renamed.length).toBeGreaterThan(0);
      for (const module of v3.model.modules) {
        const names = module.codes.map((entry) => entry.name);
        expect(new Set(names).size, module.id).toBe(names.length);
      }
    });
  });

  describe("docs", () => {
    it("keep every table row's column count, one row per code", () => {
      for (const id of ids()) {
        const { model, files } = get(id);
        const codes = model.common.length + model.modules.reduce((sum, module) => sum + module.codes.length, 0);
        const examples =
          model.moduleErrorsIn === "message" ? model.patterns.reduce((sum, p) => sum + p.examples.length, 0) : 0;
        for (const locale of model.locales) {
          // Past `output.docs.splitAbove` codes, each module's table is in a file of its own.
          const file = docsFile(model, locale);
          const split = model.output.splitDocs
            ? model.modules.map((module) => moduleDocsFile(model, module, locale))
            : [];
          const markdown = [file, ...split].map((path) => files.get(path) ?? "").join("\n");
          const { rows, problems } = tableRows(markdown);
          expect(problems, `${id}/${file}`).toEqual([]);
          expect(rows, `${id}/${file}`).toBe(codes + examples);
          // Catalog HTML (v2 has `<a href = …>` in a description) shows as text.
          expect(markdown, `${id}/${file}`).not.toMatch(/<a href/i);
        }
      }
    });
  });

  describe("the generated TypeScript", () => {
    let tsc: { status: number | null; diagnostics: Diagnostic[]; output: string; seconds: number };

    beforeAll(() => {
      const root = join(dir, "out");
      writeFileSync(join(root, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
      const compilerOptions = {
        target: "ES2022",
        lib: ["ES2022"],
        module: "nodenext",
        moduleResolution: "nodenext",
        types: [],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        noEmit: true,
      };
      writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*/**/*.ts"] }, null, 2));
      const start = performance.now();
      const result = spawnSync(process.execPath, [TSC, "-p", root, "--pretty", "false"], {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      const seconds = (performance.now() - start) / 1000;
      timings.push(`tsc over every output: ${seconds.toFixed(2)} s`);
      const output = `${result.stdout}${result.stderr}`;
      const diagnostics = [...output.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)].map((match) => ({
        file: match[1] ?? "",
        line: Number(match[2]),
        col: Number(match[3]),
        code: match[4] ?? "",
        message: match[5] ?? "",
      }));
      tsc = { status: result.status, diagnostics, output, seconds };
    });

    it("type-checks in one tsc run, every catalog, wechat-open's 1,831 common codes included", () => {
      expect(tsc.output).not.toMatch(/error TS5\d{3}/); // a broken tsconfig would hide everything else
      expect(tsc.diagnostics).toEqual([]);
      expect(tsc.status).toBe(0);
    });
  });

  describe("the generated runtime", () => {
    const runtimes = new Map<string, Runtime>();

    beforeAll(async () => {
      const start = performance.now();
      await Promise.all(
        ids().map(async (id) => {
          const outfile = join(dir, "bundles", `${id}.mjs`);
          await build({
            entryPoints: [join(get(id).out, "all.ts")],
            bundle: true,
            format: "esm",
            outfile,
            logLevel: "error",
          });
          runtimes.set(id, (await import(pathToFileURL(outfile).href)) as Runtime);
        }),
      );
      timings.push(`esbuild + import of every output: ${((performance.now() - start) / 1000).toFixed(2)} s`);
    });

    const runtime = (id: string): Runtime => {
      const loaded = runtimes.get(id);
      if (!loaded) throw new Error(`no runtime for ${id}`);
      return loaded;
    };
    const classOf = (api: Runtime, name: string) =>
      api[errorClassName(name)] as abstract new (
        ...args: never[]
      ) => unknown;

    it("v2: a common code with a module code in its message, negative codes too", () => {
      const { model } = get("v2");
      const api = runtime("v2");
      const common = model.common.find((entry) => entry.code === 4000);
      const module = model.modules.find((candidate) => candidate.codes.some((entry) => Number(entry.code) < 0));
      const entry = module?.codes.find((candidate) => Number(candidate.code) < 0);
      if (!common || !module || !entry) throw new Error("v2 lacks code 4000 or a negative module code");
      const error = api.errorFromResponse(
        { code: 4000, message: `(${entry.code}) the real text`, requestId: "r-1" },
        { module: module.id },
      );
      expect(error).toBeInstanceOf(classOf(api, common.name));
      expect(error?.moduleError).toEqual({
        code: entry.code,
        text: "the real text",
        pattern: "parenthesized",
        module: module.id,
        name: entry.name,
      });
      expect(api.errorFromResponse({ code: 0 })).toBeUndefined();
      expect(api.commonErrorInfo(6000)).toMatchObject({ fault: "server", retryable: true });
      expect(api.describe(4000, "zh")?.description).toBe(common.description.zh);
    });

    it("v3: a product's InvalidParameter.* code gives InvalidParameterError and a named module error", () => {
      const { model } = get("v3");
      const api = runtime("v3");
      const cvm = model.modules.find((module) => module.id === "cvm-v20170312");
      const commonCodes = new Set(model.common.map((entry) => entry.code));
      const entry = cvm?.codes.find(
        (candidate) => String(candidate.code).startsWith("InvalidParameter.") && !commonCodes.has(candidate.code),
      );
      if (!entry) throw new Error("cvm-v20170312 lists no InvalidParameter.* code");
      const body = { Response: { Error: { Code: entry.code, Message: "x" }, RequestId: "r" } };
      const error = api.errorFromResponse(body, { module: "cvm-v20170312" });
      expect(error).toBeInstanceOf(classOf(api, "InvalidParameter"));
      expect(error).toMatchObject({ code: "InvalidParameter", message: "x", requestId: "r" });
      expect(error?.moduleError).toEqual({ code: entry.code, text: "x", module: "cvm-v20170312", name: entry.name });
      expect(api.errorFromResponse({ Response: { RequestId: "r" } })).toBeUndefined();
      const expired = api.errorFromResponse({ Response: { Error: { Code: "AuthFailure.SignatureExpire" } } });
      expect(expired).toBeInstanceOf(classOf(api, "AuthFailureSignatureExpire"));
      expect(api.errorFromResponse({ Response: { Error: { Code: "NoSuchCode.AtAll" } } })).toBeInstanceOf(
        api.UnknownApiError as abstract new (
          ...args: never[]
        ) => unknown,
      );
      expect(api.describe(entry.code, "zh", "cvm-v20170312")?.description).toBe(entry.description.zh);
    });

    it.each(WECHAT_PLATFORMS.map((platform) => `wechat-${platform}`))(
      "%s: errcode -1 is the busy system error, 0 is success",
      (id) => {
        const { model } = get(id);
        const api = runtime(id);
        const busy = model.common.find((entry) => entry.code === -1);
        if (!busy) throw new Error(`${id} lacks -1`);
        expect(busy.name).toBe("CodeMinus1");
        const error = api.errorFromResponse({ errcode: -1, errmsg: "system busy" });
        expect(error).toBeInstanceOf(classOf(api, busy.name));
        expect(error).toMatchObject({ code: -1, message: "system busy" });
        expect(api.commonErrorInfo(-1)).toMatchObject({ fault: "server", retryable: true });
        expect(api.errorFromResponse({ errcode: 0, errmsg: "ok" })).toBeUndefined();
        const last = model.common.at(-1);
        if (last) expect(api.errorFromResponse({ errcode: last.code })).toBeInstanceOf(classOf(api, last.name));
      },
    );

    it("wechat-pay: err_code in a group's module, absent err_code is success", () => {
      const { model } = get("wechat-pay");
      const api = runtime("wechat-pay");
      const refund = model.modules.find((module) => module.id === "refund");
      const entry = refund?.codes.find((candidate) => candidate.code === "SYSTEMERROR");
      const common = model.common.find((candidate) => candidate.code === "SYSTEMERROR");
      if (!entry || !common) throw new Error("wechat-pay lacks SYSTEMERROR in refund");
      const error = api.errorFromResponse({ err_code: "SYSTEMERROR", err_code_des: "x" }, { module: "refund" });
      expect(error).toBeInstanceOf(classOf(api, common.name));
      expect(error?.moduleError).toEqual({ code: "SYSTEMERROR", text: "x", module: "refund", name: entry.name });
      expect(api.errorFromResponse({ return_code: "SUCCESS", result_code: "SUCCESS" })).toBeUndefined();
    });
  });

  describe("v2 without resolving duplicates", () => {
    it("reports each duplicate (module, code) with line:col instead of crashing", () => {
      const converted = convertV2(SHARED, { resolveDuplicates: false });
      const resolved = catalogs.find((catalog) => catalog.id === "v2");
      const extra = converted.stats.moduleCodes - (resolved?.stats.moduleCodes ?? 0);
      expect(extra).toBeGreaterThan(0);
      const catalog = writeConverted(converted, join(dir, "catalogs", converted.id));
      let caught: unknown;
      try {
        validate(catalog);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CatalogError);
      const problems = (caught as CatalogError).problems;
      expect(problems).toHaveLength(extra);
      const lines = readFileSync(catalog, "utf8").split("\n");
      for (const problem of problems) {
        expect(problem.message).toMatch(
          /^duplicate code -?\d+ in module [a-z][a-z-]*: [A-Z]\w* at line \d+, col \d+ has it already$/,
        );
        const code = /^duplicate code (-?\d+)/.exec(problem.message)?.[1];
        expect(problem.location.file).toBe(catalog);
        expect(problem.location.pointer).toMatch(/^\/moduleErrors\/modules\/\d+\/codes\/\d+\/code$/);
        // The position is the duplicate's own `code:`.
        const line = lines[problem.location.line - 1] ?? "";
        expect(line.slice(problem.location.col - 1)).toBe(code);
      }
      expect(String((caught as CatalogError).message).split("\n")[0]).toMatch(
        new RegExp(`^${catalog.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: duplicate code `),
      );
    });
  });
});

/**
 * Data rows in the markdown tables, and every row whose column count differs from its header's.
 * Cells split at `|` as GFM does: a backslash escapes the next character, code spans included.
 */
function tableRows(markdown: string): { rows: number; problems: { line: number; cells: number; expected: number }[] } {
  const lines = markdown.split("\n");
  const problems: { line: number; cells: number; expected: number }[] = [];
  let rows = 0;
  for (let index = 0; index < lines.length; index++) {
    const header = lines[index] ?? "";
    if (!header.startsWith("|") || !/^\|(?:\s*:?-+:?\s*\|)+$/.test(lines[index + 1] ?? "")) {
      if (header.startsWith("|")) problems.push({ line: index + 1, cells: cellCount(header), expected: 0 });
      continue;
    }
    const expected = cellCount(header);
    let row = index + 2;
    for (; row < lines.length && (lines[row] ?? "").trim() !== ""; row++) {
      rows++;
      const text = lines[row] ?? "";
      const cells = text.startsWith("|") ? cellCount(text) : -1;
      if (cells !== expected) problems.push({ line: row + 1, cells, expected });
    }
    index = row;
  }
  return { rows, problems };
}

function cellCount(line: string): number {
  let cells = 0;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === "\\") index++;
    else if (line[index] === "|") cells++;
  }
  return cells - 1;
}
