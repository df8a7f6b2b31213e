import { dirname, posix, relative, sep } from "node:path";
import { DEFAULT_OUT, DEFAULT_SCHEMA } from "./generate.js";
import { suggestId } from "./warnings.js";

/** The JSON Schema inside an installed errcat, from the project root. */
export const INSTALLED_SCHEMA = "node_modules/errcat/schema/error-catalog.schema.json";

export interface InitOptions {
  /** Where the catalog goes, relative to the project root. */
  readonly schema?: string | undefined;
  /** The output folder, relative to the project root. */
  readonly out?: string | undefined;
  /** The project's name (package.json `name`), for the catalog's id and title. */
  readonly project?: string | undefined;
  readonly ci?: "github" | undefined;
}

/** One file `init` writes when it does not exist yet. */
export interface InitFile {
  readonly path: string;
  readonly text: string;
}

export interface InitPlan {
  readonly files: readonly InitFile[];
  /** npm scripts to add to package.json, each only where the name is free. */
  readonly scripts: Readonly<Record<string, string>>;
  /** The line `.gitattributes` needs. */
  readonly gitattributes: string;
}

/**
 * What `errcat init` writes: a starter catalog made of the default catalog's common codes and one
 * example module, its `$schema` comment pointing at the installed JSON Schema; npm scripts; a
 * `.gitattributes` line; with `ci: "github"`, a workflow. No I/O: `seed` is the default catalog's text.
 *
 * @example
 * planInit(seed, { project: "@acme/sdk" }).scripts
 * // { generate: "errcat generate", check: "errcat generate --check" }
 */
export function planInit(seed: string, options: InitOptions = {}): InitPlan {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const out = (options.out ?? DEFAULT_OUT).replace(/\/+$/, "");
  const flags = [
    ...(schema === DEFAULT_SCHEMA ? [] : ["--schema", schema]),
    ...(out === DEFAULT_OUT ? [] : ["--out", out]),
  ].join(" ");
  const generate = `errcat generate${flags === "" ? "" : ` ${flags}`}`;
  const files: InitFile[] = [{ path: schema, text: starterCatalog(seed, schema, options.project) }];
  if (options.ci === "github") {
    const file = schema === DEFAULT_SCHEMA ? "" : ` ${schema}`;
    files.push({ path: ".github/workflows/errcat.yml", text: workflow(generate, file) });
  }
  return {
    files,
    scripts: { generate, check: generate.replace("errcat generate", "errcat generate --check") },
    gitattributes: `${out}/** linguist-generated`,
  };
}

function starterCatalog(seed: string, schema: string, project: string | undefined): string {
  const toSchema = relative(dirname(schema), INSTALLED_SCHEMA).split(sep).join(posix.sep);
  const start = seed.indexOf("\nformat: 1\n");
  const end = seed.indexOf("\nmoduleErrors:\n");
  if (start === -1 || end === -1) throw new Error("the default catalog lacks format: or moduleErrors:");
  const id = suggestId(project ?? "my-api");
  const body = seed
    .slice(start + 1, end + 1)
    .replace(/^id: .*\n/m, "")
    .replace(
      /^title: .*$/m,
      `title: ${JSON.stringify(`${project ?? "My API"} error codes`)}\nid: ${id} # brands every generated error: never change it`,
    );
  return `# yaml-language-server: $schema=${toSchema}
#
# The error codes of this API. Generated code and docs come from this file: edit it, then run
# \`npm run generate\`. The common codes below are a starting point: keep, edit or delete them.
#
# fault: whose mistake the error is. \`client\` when the caller must change the request,
#   its credentials or its account; \`server\` when the service failed.
# retryable: whether sending the same call again later may succeed without any change.
${body.trimEnd()}

moduleErrors:
  # A module's own codes arrive inside the message: "(100004) incorrect projectId".
  modules:
    - name: account # an example module: rename it, or delete it
      title: Account
      codes:
        - { code: 100004, name: IncorrectProjectId, description: incorrect projectId }

output:
  # const: \`as const\` objects with a type per member, which every bundler drops when unused and
  # Node's type stripping runs; enum: TypeScript enums.
  enumStyle: const
`;
}

function workflow(generate: string, file: string): string {
  return `# errcat: the generated code matches the catalog, and pull requests show breaking changes.
name: errcat
on:
  push:
    branches: [main]
  pull_request:
jobs:
  errcat:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # errcat diff --against needs the base commit
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci --no-audit --no-fund
      - run: npx ${generate.replace("errcat generate", "errcat generate --check")} --format github
      - name: Breaking changes against the base branch
        if: github.event_name == 'pull_request'
        run: npx errcat diff --against origin/\${{ github.base_ref }}${file} --format github
`;
}
