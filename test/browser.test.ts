import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticCatalog } from "../bench/catalog.js";
import { render, validate } from "../generator/index.js";
import { launch, missingBrowser, screenshotFolder, seriousViolations } from "./browser/chromium.js";
import { cleanup, ROOT, tempDir } from "./helpers.js";

// The reference page in headless Chromium: search, paste an error, permalinks, the language
// switch, the keyboard, accessibility, and that it asks the network for nothing.
const missing = missingBrowser();
if (missing && process.env.CI) throw new Error(`the browser tests must run in CI: ${missing}`);
if (missing) console.warn(`skipping the browser tests: ${missing}`);

const page = (dir: string, file = "error-codes.html") => pathToFileURL(join(ROOT, dir, "generated", file)).href;
const DEFAULT = page(".");
const DOTTED = page("examples/dotted");
const DOTTED_ZH = page("examples/dotted", "error-codes.zh.html");
const NUMERIC = page("examples/numeric");
const ERRCODE = page("examples/errcode");

let browser: Browser;
let shots: string;
/** Every URL any page asked for: only the pages themselves may appear. */
const requested: string[] = [];

beforeAll(async () => {
  if (missing) return;
  browser = await launch();
  shots = screenshotFolder();
  console.info(`page screenshots: ${shots}`);
});
afterAll(async () => {
  await browser?.close();
  cleanup();
});

async function open(url: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const opened = await context.newPage();
  opened.on("request", (request) => requested.push(request.url()));
  await opened.goto(url);
  return opened;
}

const shot = (opened: Page, name: string) => opened.screenshot({ path: join(shots, `${name}.png`) });
const row = (opened: Page, id: string) => opened.locator(`[id="${id}"]`);
const visibleRows = (opened: Page) => opened.locator("section.codes tbody tr:visible");

/** Whether an element's box is inside the viewport. */
async function onScreen(opened: Page, id: string): Promise<boolean> {
  const box = await row(opened, id).boundingBox();
  const height = opened.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y < height;
}

describe.skipIf(missing)("the default catalog's page", () => {
  it("searches by code, by word and by name, counting the matches", async () => {
    const opened = await open(DEFAULT);
    await opened.fill("#q", "4400");
    expect(await opened.textContent("#q-count")).toBe("1 match");
    expect(await row(opened, "4400").isVisible()).toBe(true);
    expect(await visibleRows(opened).count()).toBe(1);
    await shot(opened, "default-search-code");
    await opened.fill("#q", "projectid");
    expect(await visibleRows(opened).count()).toBeGreaterThan(0);
    expect(await row(opened, "account-100004").isVisible()).toBe(true);
    await opened.fill("#q", "QuotaExceeded");
    expect(await row(opened, "4400").isVisible()).toBe(true);
    await opened.fill("#q", "");
    expect(await row(opened, "6200").isVisible()).toBe(true);
  });

  it("parses a pasted body, a message alone, a body it does not know and success", async () => {
    const opened = await open(DEFAULT);
    await opened.fill("#paste", '{ "code": 4000, "message": "(100004) incorrect projectId", "requestId": "r-1" }');
    expect(await opened.textContent("#paste-out")).toBe("Common code 4000Module code 100004 (Account)");
    expect(await row(opened, "4000").getAttribute("class")).toBe("pasted");
    expect(await row(opened, "account-100004").getAttribute("class")).toBe("pasted");
    await shot(opened, "default-paste-body");
    await opened.fill("#paste", "(100004) incorrect projectId");
    expect(await opened.textContent("#paste-out")).toBe("Module code 100004 (Account)");
    expect(await row(opened, "4000").getAttribute("class")).not.toBe("pasted");
    await opened.fill("#paste", '{"code": 4999, "message": "new"}');
    expect(await opened.textContent("#paste-out")).toBe("Code 4999 is not in this list yet.");
    await opened.fill("#paste", '{"code": 0}');
    expect(await opened.textContent("#paste-out")).toBe("This body reports success.");
    await opened.fill("#paste", '{"code": "4400"}');
    expect(await opened.textContent("#paste-out")).toContain("not a response body");
  });

  it("lands on a permalink and on the old anchor kept as its alias", async () => {
    const opened = await open(`${DEFAULT}#account-100004`);
    expect(await onScreen(opened, "account-100004")).toBe(true);
    await shot(opened, "default-permalink");
    const old = await open(`${DEFAULT}#m-storage-box--20001`);
    expect(await onScreen(old, "storage-box-20001")).toBe(true);
  });

  it("works from the keyboard alone: skip link, search, paste, in that order", async () => {
    const opened = await open(DEFAULT);
    await opened.keyboard.press("Tab");
    expect(await opened.locator(":focus").getAttribute("class")).toBe("skip");
    await shot(opened, "default-keyboard-skip");
    await opened.keyboard.press("Tab");
    expect(await opened.locator(":focus").getAttribute("id")).toBe("q");
    await opened.keyboard.type("retry");
    await opened.keyboard.press("Escape");
    expect(await opened.inputValue("#q")).toBe("");
    await opened.keyboard.press("Tab");
    expect(await opened.locator(":focus").getAttribute("id")).toBe("paste");
    await opened.keyboard.type("(20001) box is full");
    expect(await opened.textContent("#paste-out")).toContain("20001");
    await opened.locator("main").focus();
    await opened.keyboard.press("/");
    expect(await opened.locator(":focus").getAttribute("id")).toBe("q");
    await opened.keyboard.press("Shift+Tab");
    await opened.keyboard.press("Enter");
    expect(await opened.locator(":focus").getAttribute("id")).toBe("codes");
  });

  it("is complete without its script, in light, dark and print", async () => {
    const plain = await open(DEFAULT, { javaScriptEnabled: false });
    expect(await row(plain, "6200").isVisible()).toBe(true);
    expect(await plain.locator("#tools").isVisible()).toBe(false);
    await shot(plain, "default-no-script");
    const dark = await open(DEFAULT, { colorScheme: "dark" });
    await shot(dark, "default-dark");
    await dark.emulateMedia({ media: "print", colorScheme: "light" });
    expect(await dark.locator("#tools").isVisible()).toBe(false);
    await shot(dark, "default-print");
  });
});

describe.skipIf(missing)("the dotted bilingual example", () => {
  it("searches a Chinese word on the Chinese page", async () => {
    const opened = await open(DOTTED_ZH);
    await opened.fill("#q", "签名");
    expect(await opened.textContent("#q-count")).toBe("1 个匹配");
    expect(await row(opened, "AuthFailure.SignatureExpire").isVisible()).toBe(true);
    await shot(opened, "dotted-zh-search");
  });

  it("parses a nested body whose dotted code a module names", async () => {
    const opened = await open(DOTTED);
    const body = { Response: { Error: { Code: "InvalidParameter.ProjectIdNotExist", Message: "x" }, RequestId: "r" } };
    await opened.fill("#paste", JSON.stringify(body));
    expect(await opened.textContent("#paste-out")).toBe(
      "Common code InvalidParameterModule code InvalidParameter.ProjectIdNotExist (Virtual machines)",
    );
    expect(await row(opened, "cvm-v20170312:InvalidParameter.ProjectIdNotExist").getAttribute("class")).toBe("pasted");
    await opened.fill("#paste", JSON.stringify({ Response: { RequestId: "r" } }));
    expect(await opened.textContent("#paste-out")).toBe("This body reports success.");
  });

  it("switches language and keeps the permalink", async () => {
    const opened = await open(`${DOTTED}#AuthFailure.SignatureExpire`);
    await opened.click('.langs a[hreflang="zh"]');
    await opened.waitForURL(/error-codes\.zh\.html#AuthFailure\.SignatureExpire$/);
    expect(await opened.getAttribute("html", "lang")).toBe("zh");
    expect(await opened.textContent("h2")).toBe("目录");
    expect(await onScreen(opened, "AuthFailure.SignatureExpire")).toBe(true);
    await shot(opened, "dotted-zh-permalink");
  });
});

describe.skipIf(missing)("the other dialects' pages", () => {
  it.each([
    {
      url: NUMERIC,
      body: { code: 1000, message: "(-1) bad checksum" },
      want: "Common code 1000Module code -1 (Objects)",
    },
    { url: ERRCODE, body: { errcode: 40001, errmsg: "invalid credential" }, want: "Common code 40001" },
  ])("parse a body of their dialect: $want", async ({ url, body, want }) => {
    const opened = await open(url);
    await opened.fill("#paste", JSON.stringify(body));
    expect(await opened.textContent("#paste-out")).toBe(want);
  });
});

describe.skipIf(missing)("a 10,000-code catalog", () => {
  let url: string;
  let sample: { code: number; module: string; chinese: string };
  beforeAll(() => {
    if (missing) return;
    const dir = tempDir();
    const synthetic = syntheticCatalog(10_000);
    writeFileSync(join(dir, "catalog.yaml"), synthetic.yaml);
    const model = validate(join(dir, "catalog.yaml"));
    const html = render(model).get("error-codes.html") ?? "";
    mkdirSync(dirname(join(dir, "generated/error-codes.html")), { recursive: true });
    writeFileSync(join(dir, "generated/error-codes.html"), html);
    url = pathToFileURL(join(dir, "generated/error-codes.html")).href;
    const last = model.modules[model.modules.length - 1];
    const chineseEntry = model.modules
      .flatMap((module) => module.codes)
      .find((entry) => /[\u4e00-\u9fff]{4}/.test(entry.description.en ?? ""));
    sample = {
      code: Number(last?.codes[0]?.code),
      module: last?.stem ?? "",
      chinese: /[\u4e00-\u9fff]{4}/.exec(chineseEntry?.description.en ?? "")?.[0] ?? "",
    };
  });

  it("searches a code, a word and a Chinese word", async () => {
    const opened = await open(url);
    await opened.fill("#q", String(sample.code));
    expect(await row(opened, `${sample.module}-${String(sample.code).replace("-", "minus")}`).isVisible()).toBe(true);
    await opened.fill("#q", "quota");
    expect(await opened.textContent("#q-count")).toMatch(/^\d+ matches/);
    await opened.fill("#q", sample.chinese);
    expect(await opened.textContent("#q-count")).toMatch(/match/);
    expect(await visibleRows(opened).count()).toBeGreaterThan(0);
    await shot(opened, "synthetic-search-chinese");
    await opened.fill("#q", "e");
    expect(await opened.textContent("#q-count")).toMatch(/the first 500 shown$/);
    expect(await visibleRows(opened).count()).toBe(500);
  });

  it("parses a module message and lands on a permalink near the end", async () => {
    const anchor = `${sample.module}-${String(sample.code).replace("-", "minus")}`;
    const opened = await open(`${url}#${anchor}`);
    expect(await onScreen(opened, anchor)).toBe(true);
    await opened.fill("#paste", JSON.stringify({ code: 4000, message: `(${sample.code}) text` }));
    expect(await opened.textContent("#paste-out")).toContain(`Module code ${sample.code}`);
    await shot(opened, "synthetic-permalink-paste");
  });
});

describe.skipIf(missing)("accessibility (axe-core)", () => {
  it.each([
    { url: DEFAULT, colorScheme: "light" },
    { url: DEFAULT, colorScheme: "dark" },
    { url: DOTTED, colorScheme: "light" },
    { url: DOTTED_ZH, colorScheme: "dark" },
    { url: NUMERIC, colorScheme: "light" },
  ] as const)("finds nothing serious on $url ($colorScheme)", async ({ url, colorScheme }) => {
    const opened = await open(url, { colorScheme, bypassCSP: true });
    await opened.fill("#q", "a");
    expect(await seriousViolations(opened)).toEqual([]);
  });
});

describe.skipIf(missing)("the network", () => {
  it("is never asked for anything: only the pages themselves were loaded", () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((url) => !/^file:\/\/.*\.html(#.*)?$/.test(url))).toEqual([]);
  });
});
