/**
 * The words of the docs and the reference page themselves, per locale. The catalog's own texts
 * (titles, types, descriptions) come from the catalog; a locale without page text here reads the
 * English one.
 */
export interface PageText {
  readonly languages: string;
  readonly languagesLine: string;
  readonly contents: string;
  readonly skipToCodes: string;
  readonly common: string;
  readonly modules: string;
  /** Sentences with `{placeholders}` are filled by {@link fillTemplate}: `Category {name}`. */
  readonly category: string;
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly fault: string;
  readonly retry: string;
  readonly faults: { readonly client: string; readonly server: string };
  readonly yes: string;
  readonly no: string;
  readonly deprecated: string;
  readonly useInstead: string;
  readonly reserved: string;
  readonly noCodes: string;
  readonly codes: (count: number) => string;
  readonly successByCode: string;
  /** The same, for several success codes. */
  readonly successByCodes: string;
  readonly successByAbsence: string;
  readonly successWhen: string;
  readonly successUnless: string;
  /** `{field} is {value}`, one condition of a success rule. */
  readonly fieldIs: string;
  /** What joins conditions and code fields: ` and `, ` or `. */
  readonly and: string;
  readonly or: string;
  readonly httpStatus: string;
  readonly body: string;
  readonly moduleInMessage: string;
  readonly moduleInCode: string;
  readonly examplesHeading: string;
  readonly message: string;
  readonly moduleCode: string;
  readonly text: string;
  readonly perModule: string;
  readonly backToIndex: string;
  readonly search: string;
  readonly searchHint: string;
  readonly matchOne: string;
  readonly matchMany: string;
  readonly matchShown: string;
  readonly paste: string;
  readonly pasteHint: string;
  readonly pasteSuccess: string;
  readonly pasteMalformed: string;
  readonly pasteUnknown: string;
  /** Before a link to the category's section: a code the list lacks but a category covers. */
  readonly pasteCategory: string;
  readonly pasteCommon: string;
  readonly pasteNoModule: string;
  readonly pasteNothing: string;
}

/** One formatter for every count: \`toLocaleString\` makes a new one on each call. */
const NUMBER_FORMAT = new Intl.NumberFormat("en-US");
const format = (count: number) => NUMBER_FORMAT.format(count);

const EN: PageText = {
  languages: "Languages",
  languagesLine: "Languages: {links}",
  contents: "Contents",
  skipToCodes: "Skip to the codes",
  common: "Common error codes",
  modules: "Module error codes",
  category: "Category {name}",
  code: "Code",
  name: "Name",
  type: "Type",
  description: "Description",
  fault: "Whose fault",
  retry: "Retry?",
  faults: { client: "the caller's", server: "the server's" },
  yes: "yes",
  no: "no",
  deprecated: "Deprecated:",
  useInstead: "Use {code} instead.",
  reserved: "Retired, never to be reused:",
  noCodes: "This module lists no codes yet.",
  codes: (count) => (count === 1 ? "1 code" : `${format(count)} codes`),
  successByCode:
    "Every response carries a code in {codeField}. {success} means success; any other value is one of the common error codes below, or a code this list does not hold yet.",
  successByCodes:
    "Every response carries a code in {codeField}. {success} mean success; any other value is one of the common error codes below, or a code this list does not hold yet.",
  successByAbsence:
    "A response reports success when {container} has no {field} (or it is null); otherwise its code is in {codeField}, one of the common error codes below or a code this list does not hold yet.",
  successWhen:
    "A response reports success only when {conditions}; otherwise its code is in {codeField}, one of the common error codes below or a code this list does not hold yet.",
  successUnless:
    "A response reports an error when {conditions}: its code is then in {codeField}, one of the common error codes below or a code this list does not hold yet. Any other response is success.",
  fieldIs: "{field} is {value}",
  and: " and ",
  or: " or ",
  httpStatus: "HTTP status",
  body: "the body",
  moduleInMessage:
    "A module reports its own error code inside {messageField}, as in the examples below; the text after it explains the error.",
  moduleInCode:
    "A module reports its own codes in {codeField}. Such a code belongs to the longest dotted part of it that is a common code (InvalidParameter.Foo to InvalidParameter), and the module's table names it.",
  examplesHeading: "How a module code appears in a message",
  message: "Message",
  moduleCode: "Module code",
  text: "Text",
  perModule: "Each module's codes are on their own page:",
  backToIndex: "All error codes",
  search: "Search the codes",
  searchHint: "A code, a word, a name: the table keeps the rows that hold it.",
  matchOne: "1 match",
  matchMany: "{count} matches",
  matchShown: "{count} matches, the first {shown} shown",
  paste: "Paste an error",
  pasteHint: "A whole response body, or just its message: the page tells which code it is.",
  pasteSuccess: "This body reports success.",
  pasteMalformed: "This is not a response body of this API: it holds no valid code.",
  pasteUnknown: "Code {code} is not in this list yet.",
  pasteCategory: "Code {code} is not in this list yet; it belongs to the category",
  pasteCommon: "Common code",
  pasteNoModule: "No module lists this module code.",
  pasteNothing: "No code found in this text.",
};

const ZH: PageText = {
  languages: "语言",
  languagesLine: "语言：{links}",
  contents: "目录",
  skipToCodes: "跳到错误码",
  common: "公共错误码",
  modules: "模块错误码",
  category: "类别 {name}",
  code: "错误码",
  name: "名称",
  type: "类型",
  description: "说明",
  fault: "责任方",
  retry: "可重试",
  faults: { client: "调用方", server: "服务端" },
  yes: "是",
  no: "否",
  deprecated: "已弃用：",
  useInstead: "请改用 {code}。",
  reserved: "已停用，不再复用：",
  noCodes: "此模块尚未列出错误码。",
  codes: (count) => `${format(count)} 个错误码`,
  successByCode:
    "每个响应都在 {codeField} 中带有错误码。{success} 表示成功；其他值是下列公共错误码之一，或本列表尚未收录的错误码。",
  successByCodes:
    "每个响应都在 {codeField} 中带有错误码。{success} 均表示成功；其他值是下列公共错误码之一，或本列表尚未收录的错误码。",
  successByAbsence:
    "当 {container} 中没有 {field}（或其为 null）时，响应表示成功；否则错误码位于 {codeField}，是下列公共错误码之一，或本列表尚未收录的错误码。",
  successWhen:
    "仅当 {conditions} 时，响应表示成功；否则错误码位于 {codeField}，是下列公共错误码之一，或本列表尚未收录的错误码。",
  successUnless:
    "当 {conditions} 时，响应表示错误：错误码位于 {codeField}，是下列公共错误码之一，或本列表尚未收录的错误码。其他响应均表示成功。",
  fieldIs: "{field} 为 {value}",
  and: "且",
  or: "或",
  httpStatus: "HTTP 状态码",
  body: "响应体",
  moduleInMessage: "模块在 {messageField} 中给出自己的错误码，如下例所示；其后的文字说明错误。",
  moduleInCode:
    "模块在 {codeField} 中给出自己的错误码。该错误码归属于其最长的、作为公共错误码的点分前缀（InvalidParameter.Foo 归属 InvalidParameter），并由模块的表格命名。",
  examplesHeading: "模块错误码在消息中的样子",
  message: "消息",
  moduleCode: "模块错误码",
  text: "文字",
  perModule: "各模块的错误码分别在单独的页面中：",
  backToIndex: "全部错误码",
  search: "搜索错误码",
  searchHint: "输入错误码、词语或名称，表格只保留包含它的行。",
  matchOne: "1 个匹配",
  matchMany: "{count} 个匹配",
  matchShown: "{count} 个匹配，显示前 {shown} 个",
  paste: "粘贴错误",
  pasteHint: "粘贴完整的响应体，或只粘贴其中的消息，页面会指出对应的错误码。",
  pasteSuccess: "此响应体表示成功。",
  pasteMalformed: "这不是此 API 的响应体：其中没有有效的错误码。",
  pasteUnknown: "错误码 {code} 尚未收录。",
  pasteCategory: "错误码 {code} 尚未收录，它属于类别",
  pasteCommon: "公共错误码",
  pasteNoModule: "没有模块列出此模块错误码。",
  pasteNothing: "此文本中没有找到错误码。",
};

const TEXTS: Readonly<Record<string, PageText>> = { en: EN, zh: ZH };

/** The page text of a locale: `zh`, `zh-CN` and `zh-Hans` read the Chinese text; unknown locales English. */
export function pageText(locale: string): PageText {
  return TEXTS[locale] ?? TEXTS[locale.split("-")[0]?.toLowerCase() ?? ""] ?? EN;
}

/**
 * Fills a page-text template: the words pass through `escape` (the output's escaper), the values are
 * inserted as given (already escaped). `fillTemplate("Use {code} instead.", { code: "[4400](#4400)" }, md)`.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  escapeWords: (text: string) => string,
): string {
  return template
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const name = /^\{([a-zA-Z]+)\}$/.exec(part)?.[1];
      return name !== undefined && name in values ? (values[name] ?? "") : escapeWords(part);
    })
    .join("");
}
