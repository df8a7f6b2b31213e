import { scriptJson } from "./escape.js";
import type { PageText } from "./page-text.js";

/** Rows a search shows at most: counting every match is cheap, showing thousands of rows is not. */
export const SEARCH_SHOWN = 500;

/** The page text the script writes itself. */
function scriptText(words: PageText) {
  const { matchOne, matchMany, matchShown, pasteSuccess, pasteMalformed, pasteUnknown } = words;
  const { pasteCommon, pasteNoModule, pasteNothing, moduleCode, pasteCategory } = words;
  return {
    pasteCategory,
    matchOne,
    matchMany,
    matchShown,
    pasteSuccess,
    pasteMalformed,
    pasteUnknown,
    pasteCommon,
    pasteNoModule,
    pasteNothing,
    moduleCode,
  };
}

/**
 * The page's script, after the parser (`html-parser.ts`): it only enhances a page that is
 * complete without it. Search keeps the rows whose code, name or text hold the query (NFKC and
 * case folded, so full-width and CJK queries work); "paste an error" parses a body or a message
 * and highlights the rows it names; the language links keep the current permalink.
 */
export function pageScript(words: PageText): string {
  return (
    `const TEXT = ${scriptJson(scriptText(words))};
const SHOWN = ${SEARCH_SHOWN};
const fill = (template, values) => template.replace(/\\{(\\w+)\\}/g, (_, name) => values[name]);
const count = (n) => n.toLocaleString("en-US");
const fold = (text) => text.normalize("NFKC").toLowerCase();
const main = document.getElementById("codes");
const rows = Array.from(main.querySelectorAll("section.codes tbody tr"));
const codeOf = (row) => row.querySelector("th a").textContent;
const index = [];
let shown = [];

/** Folds the next rows' text into the search index; the page builds it in idle slices after load. */` +
    SEARCH_SCRIPT +
    PASTE_SCRIPT +
    PERMALINK_SCRIPT
  );
}

/** Search: the rows whose code, name or text hold the query, indexed in idle time. */
const SEARCH_SCRIPT = `
function indexRows(limit) {
  const end = Math.min(rows.length, index.length + limit);
  for (let i = index.length; i < end; i++) index.push(fold(\`\${rows[i].textContent} \${rows[i].dataset.n || ""}\`));
  return index.length < rows.length;
}
function indexWhenIdle() {
  const idle = window.requestIdleCallback || ((run) => setTimeout(run, 1));
  idle(() => {
    if (indexRows(2000)) indexWhenIdle();
  });
}

function search(query) {
  for (const element of shown) element.classList.remove("hit", "has-hit");
  shown = [];
  const wanted = fold(query.trim().replace(/^#/, ""));
  const status = document.getElementById("q-count");
  if (wanted === "") {
    main.classList.remove("searching");
    status.textContent = "";
    return;
  }
  indexRows(rows.length);
  let matches = 0;
  for (let i = 0; i < index.length; i++) {
    if (!index[i].includes(wanted)) continue;
    if (matches++ >= SHOWN) continue;
    const section = rows[i].closest("section");
    rows[i].classList.add("hit");
    shown.push(rows[i]);
    if (!section.classList.contains("has-hit")) {
      section.classList.add("has-hit");
      shown.push(section);
    }
  }
  main.classList.add("searching");
  const template = matches === 1 ? TEXT.matchOne : matches > SHOWN ? TEXT.matchShown : TEXT.matchMany;
  status.textContent = fill(template, { count: count(matches), shown: count(SHOWN) });
}

let known;`;

/** Paste an error: the body or message parsed, its rows named and highlighted. */
const PASTE_SCRIPT = `
function knownCodes() {
  if (known) return known;
  known = { common: new Set(), modules: new Map(), rows: new Map(), titles: new Map() };
  for (const section of main.querySelectorAll("section[data-m]")) {
    const module = section.dataset.m;
    known.titles.set(module, section.dataset.t);
    for (const row of section.querySelectorAll("tbody tr")) {
      const code = codeOf(row);
      known.rows.set(\`\${module}\\n\${code}\`, row);
      if (module === "") known.common.add(code);
      else known.modules.set(code, [...(known.modules.get(code) || []), module]);
    }
  }
  return known;
}

function line(parts) {
  const p = document.createElement("p");
  for (const part of parts) {
    if (typeof part === "string") p.append(part);
    else {
      const a = document.createElement("a");
      a.href = "#" + part.row.id;
      a.textContent = part.label;
      p.append(a);
      part.row.classList.add("pasted");
    }
  }
  return p;
}

function describe(result, lookup) {
  if (result.kind === "success") return [line([TEXT.pasteSuccess])];
  if (result.kind === "malformed") return [line([TEXT.pasteMalformed])];
  const lines = [];
  const common = result.common === undefined ? undefined : lookup.rows.get("\\n" + result.common);
  if (common) lines.push(line([TEXT.pasteCommon + " ", { row: common, label: String(result.common) }]));
  else if (result.kind === "error" && result.category !== undefined) {
    const section = document.getElementById(CATEGORY_ANCHORS[result.category]);
    const heading = section && section.querySelector("h3");
    const label = heading ? heading.textContent : result.category;
    lines.push(line([\`\${fill(TEXT.pasteCategory, { code: String(result.code) })} \`, section ? { row: section, label } : label]));
  } else if (result.kind === "error") lines.push(line([fill(TEXT.pasteUnknown, { code: String(result.code) })]));
  if (result.module) {
    const { code, modules } = result.module;
    const links = modules.map((module) => ({ row: lookup.rows.get(\`\${module}\\n\${code}\`), label: \`\${code} (\${lookup.titles.get(module)})\` }));
    if (links.length === 0) lines.push(line([TEXT.moduleCode + " " + code + ": " + TEXT.pasteNoModule]));
    for (const link of links) lines.push(line([TEXT.moduleCode + " ", link]));
  }
  return lines;
}

function messageResult(text, lookup) {
  const trimmed = text.trim();
  const commonRow = lookup.rows.get("\\n" + trimmed);
  const modules = lookup.modules.get(trimmed) || [];
  if (commonRow || modules.length > 0) {
    return { kind: "code", code: trimmed, common: commonRow ? trimmed : undefined, module: modules.length ? { code: trimmed, modules } : undefined };
  }
  const parsed = parseMessageText(text);
  if (!parsed) return undefined;
  return { kind: "message", module: { code: parsed.code, modules: lookup.modules.get(String(parsed.code)) || [] } };
}

function paste(text) {
  for (const row of main.querySelectorAll(".pasted")) row.classList.remove("pasted");
  const out = document.getElementById("paste-out");
  out.replaceChildren();
  if (text.trim() === "") return;
  const lookup = knownCodes();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  const result =
    typeof body === "object" && body !== null
      ? parseErrorBody(body, lookup)
      : messageResult(typeof body === "string" ? body : text, lookup);
  out.replaceChildren(...(result ? describe(result, lookup) : [line([TEXT.pasteNothing])]));
}
`;

/** The language links keep the code being looked at; the boxes start the page's behaviour. */
const PERMALINK_SCRIPT = `
function keepPermalink() {
  for (const link of document.querySelectorAll(".langs a[hreflang]")) {
    link.href = link.getAttribute("href").split("#")[0] + location.hash;
  }
}

const input = document.getElementById("q");
input.addEventListener("input", () => search(input.value));
input.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    input.value = "";
    search("");
  }
});
const box = document.getElementById("paste");
box.addEventListener("input", () => paste(box.value));
document.addEventListener("keydown", (event) => {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
  if (event.key === "/" && !typing) {
    event.preventDefault();
    input.focus();
  }
});
addEventListener("hashchange", keepPermalink);
keepPermalink();
document.getElementById("tools").hidden = false;
indexWhenIdle();
if (input.value) search(input.value);`;
