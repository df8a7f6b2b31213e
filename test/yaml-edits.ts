/** Random edits of YAML text, for the tests that parse part of a file and compare with a whole parse. */

/** A small deterministic generator (mulberry32), so that a failure names a seed to replay. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What an edit may type: YAML's structure characters among plain ones. */
export const PIECES = [
  ...[
    "x",
    " ",
    "\n",
    ":",
    "- ",
    "#",
    "|",
    ">",
    '"',
    "'",
    "&a",
    "*a",
    "!!str ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "  ",
    "7",
    "é",
  ],
  ...["\t", "\n\t", "\n\n", "\n #c", "\n#x", "\n...\n", "\r\n", "|+", "? "],
];

export function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const removed = next() < 0.5 ? Math.floor(next() * 4) : 0;
  let inserted = "";
  const count = Math.floor(next() * 3);
  for (let index = 0; index < count; index++) inserted += PIECES[Math.floor(next() * PIECES.length)] ?? "";
  return text.slice(0, at) + inserted + text.slice(at + removed);
}
