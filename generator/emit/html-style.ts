/**
 * The reference page's stylesheet: system fonts only (no network), light and dark from the
 * reader's setting, a table of contents beside the codes on wide screens, and a print layout that
 * drops the tools. Sections far off screen are not rendered until scrolled to
 * (`content-visibility: auto`), which keeps a 30,000-code page quick to show.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--head:#f6f8fa;--accent:#0a58ca;--hit:#fff3b0;--target:#dbeafe;--old:#9a6700;--server:#b42318;--client:#1f6f3f}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;--head:#161b22;--accent:#6cb6ff;--hit:#4b3f00;--target:#12325a;--old:#d29922;--server:#ff8f86;--client:#7ee2a8}}
*{box-sizing:border-box}
html{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:var(--bg);color:var(--fg)}
body{margin:0}
a{color:var(--accent)}
a:focus-visible,input:focus-visible,textarea:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK SC",monospace;font-size:.9em;overflow-wrap:anywhere}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem;z-index:2}
.skip:focus{left:.5rem}
header{padding:1.5rem 2rem 1rem;border-bottom:1px solid var(--line)}
h1{margin:0 0 .5rem;font-size:1.75rem}
.langs{margin:0 0 .5rem;color:var(--muted)}
.langs a,.langs span{margin-right:.75rem}
.langs [aria-current]{font-weight:600;color:var(--fg)}
.lead{margin:0;max-width:60rem}
.layout{display:grid;grid-template-columns:minmax(14rem,18rem) minmax(0,1fr);gap:0 2rem;padding:0 2rem}
.toc{position:sticky;top:0;max-height:100vh;overflow:auto;padding:1rem 0;font-size:.9rem}
.toc h2{font-size:1rem;margin:0 0 .5rem}
.toc ul{list-style:none;margin:0;padding-left:0}
.toc ul ul{padding-left:1rem}
.toc li{margin:.15rem 0}
.n{color:var(--muted);font-size:.85em;white-space:nowrap}
main{min-width:0;padding-bottom:4rem}
.tools{display:grid;grid-template-columns:1fr 1fr;gap:1rem 2rem;margin:1rem 0;padding:1rem;border:1px solid var(--line);border-radius:8px;background:var(--head)}
.tools[hidden]{display:none}
.tools label{display:block;font-weight:600;margin-bottom:.25rem}
.tools .hint{margin:.25rem 0 0;color:var(--muted);font-size:.85rem}
.tools input,.tools textarea{width:100%;font:inherit;padding:.4rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.tools textarea{min-height:5.5rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
.status{margin:.4rem 0 0;min-height:1.5em}
.status p{margin:.2rem 0}
section.codes{content-visibility:auto}
h2{font-size:1.4rem;margin:2rem 0 .75rem}
h3{font-size:1.15rem;margin:1.75rem 0 .5rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border-bottom:1px solid var(--line);padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th{background:var(--head);font-weight:600;white-space:nowrap}
tbody th{font-weight:600;white-space:nowrap}
tbody th code{white-space:normal}
tbody th>a{text-decoration:none}
tbody th>a:hover,tbody th>a:focus{text-decoration:underline}
tbody th>a::before{content:"#";color:var(--muted);margin-right:.1em}
tr:target,tr:has(:target){background:var(--target)}
tr.pasted,section.pasted>h3{background:var(--hit);outline:2px solid var(--old)}
.deprecated{margin:0 0 .25rem;color:var(--old)}
tr.old th a{text-decoration:line-through}
.f-server{color:var(--server)}
.f-client{color:var(--client)}
.reserved{color:var(--muted)}
.searching tbody tr:not(.hit),.searching section:not(.has-hit),.searching .intro{display:none}
.searching section.has-hit{content-visibility:visible}
mark{background:var(--hit);color:inherit}
@media (max-width:60rem){.layout{display:block;padding:0 1rem}.toc{position:static;max-height:none}.tools{grid-template-columns:1fr}header{padding:1rem}}
@media print{.tools,.toc,.skip,.langs{display:none}.layout{display:block;padding:0}section.codes{content-visibility:visible}tr{break-inside:avoid}a{color:inherit;text-decoration:none}tbody th>a::before{content:none}html{font-size:11pt}}
`
  .trim()
  .split("\n")
  .join("");
