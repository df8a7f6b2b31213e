/**
 * The shape of a generated reference page, to compare a hostile catalog's page with its benign
 * twin's: catalog text must never add, drop or reorder a tag, nor end the script or the style.
 */

/**
 * The page's tag names in order; comments are cut at their first end, script and style bodies at
 * their first closing tag, as a browser would.
 */
export function htmlTags(html: string): string[] {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, "<!---->")
    .replace(/<script>[\s\S]*?<\/script>/g, "<script></script>")
    .replace(/<style>[\s\S]*?<\/style>/g, "<style></style>");
  return [...body.matchAll(/<(\/?[A-Za-z][A-Za-z0-9]*)/g)].map((match) => match[1] ?? "");
}

/** Every `id="…"` of the page, in order. */
export function htmlIds(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1] ?? "");
}

/** Whether the header comment (the page's second line) is one comment nothing inside ends early. */
export function htmlHeaderIntact(html: string): boolean {
  const second = html.split("\n", 2)[1] ?? "";
  if (!second.startsWith("<!--") || !second.endsWith("-->")) return false;
  const inner = second.slice(4, -3);
  return !inner.includes("-->") && !inner.includes("--!>") && !inner.includes("<!--") && !inner.endsWith("-");
}
