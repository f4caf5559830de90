#!/usr/bin/env node
// Writes a copy of the contract with one breaking change that CHANGELOG.md does not record: a response property
// removed. CI runs the breaking-change guard on it and expects the build to fail.
//
//   node scripts/break-contract.mjs openapi.yaml OUT_DIR   (writes OUT_DIR/openapi.yaml)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadSpec } from './lib/spec.mjs';

const [source, outDir] = process.argv.slice(2);
const spec = loadSpec(source);
const inbox = spec.components?.schemas?.Inbox;
if (!inbox?.properties?.name) {
  console.error('break-contract: the contract has no Inbox.name to remove; pick another response property');
  process.exit(2);
}
delete inbox.properties.name;
inbox.required = (inbox.required ?? []).filter((key) => key !== 'name');
mkdirSync(outDir, { recursive: true });
// YAML 1.1 quoting: the Java parsers read an unquoted `on`/`off` as a boolean
writeFileSync(join(outDir, 'openapi.yaml'), stringify(spec, { version: '1.1' }));
console.log(`${join(outDir, 'openapi.yaml')}: components.schemas.Inbox.properties.name removed (breaks GET /public/api/v1/inboxes/{inbox_identifier})`);
