// The contract as data: operations with their summaries and the examples written for them.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

export function loadSpec(file) {
  return parse(readFileSync(file, 'utf8'));
}

/** Follows local `$ref`s (`#/components/...`) until a non-reference object is reached. */
export function deref(spec, node) {
  let current = node;
  for (let hops = 0; current && current.$ref; hops++) {
    if (hops > 20 || !current.$ref.startsWith('#/')) throw new Error(`cannot resolve ${node.$ref}`);
    current = current.$ref.slice(2).split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((obj, key) => obj?.[key], spec);
  }
  if (!current) throw new Error(`cannot resolve ${node.$ref}`);
  return current;
}

/** Every operation: method, path, summary, operationId, tags. */
export function operations(spec) {
  const result = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) result.push({ method: method.toUpperCase(), path, summary: op.summary, operationId: op.operationId, tags: op.tags ?? [], op });
    }
  }
  return result;
}

/** The first scalar of an example value that is short enough to find verbatim in a rendered page. */
function marker(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.length > 0 && value.length <= 40 && !value.includes('\n') ? value : undefined;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    const found = marker(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * What a reader must see of an operation's examples in the default view of its page: the request body's first
 * example and the first response's first example. A named example is recognised by its summary (the label of
 * the example picker), a plain one by its first short scalar value.
 */
export function exampleMarkers(spec, operation) {
  const markers = [];
  const fromContent = (where, content) => {
    const [mediaType, media] = Object.entries(content ?? {})[0] ?? [];
    if (!media) return;
    if (media.examples && Object.keys(media.examples).length > 0) {
      const [name, example] = Object.entries(media.examples)[0];
      const resolved = deref(spec, example);
      markers.push({ where: `${where} ${mediaType} example '${name}'`, text: resolved.summary ?? marker(resolved.value) });
    } else if (media.example !== undefined && marker(media.example) !== undefined) {
      markers.push({ where: `${where} ${mediaType} example`, text: marker(media.example) });
    }
  };
  if (operation.op.requestBody) fromContent('request body', deref(spec, operation.op.requestBody).content);
  const [status, response] = Object.entries(operation.op.responses ?? {})[0] ?? [];
  if (response) fromContent(`response ${status}`, deref(spec, response).content);
  return markers.filter((m) => m.text !== undefined);
}
