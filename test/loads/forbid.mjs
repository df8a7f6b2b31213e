// Preloaded with `node --import`: a process that loads the TypeScript compiler, ts-morph or ajv's
// schema compiler (the build compiles the schema; runs load only ajv's runtime helpers) fails,
// whether it imports them (ESM hook below) or requires them (CommonJS loader wrapped here).
import Module, { register } from "node:module";

const FORBIDDEN =
  /[\\/]node_modules[\\/](typescript[\\/]|ts-morph[\\/]|@ts-morph[\\/]common[\\/]|ajv[\\/]dist[\\/](ajv|core|compile[\\/]))/;

const load = Module._load;
Module._load = function forbidden(request, parent, ...rest) {
  const path = Module._resolveFilename(request, parent, ...rest.slice(0, 1));
  if (FORBIDDEN.test(path)) throw new Error(`forbidden module loaded: ${path}`);
  return load.call(this, request, parent, ...rest);
};

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      if (${FORBIDDEN}.test(decodeURIComponent(resolved.url))) {
        throw new Error("forbidden module loaded: " + resolved.url);
      }
      return resolved;
    }`)}`,
);
