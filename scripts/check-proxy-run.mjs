#!/usr/bin/env node
// Judges a conformance run made through `prism proxy --errors`: every failure must be one of Prism's own proxy
// limitations listed below, each of which the direct run of the suite (./mvnw verify) covers without Prism.
// Any other failure fails, and so does a run without tests.
//
//   node scripts/check-proxy-run.mjs target/conformance-proxy/TEST-junit-jupiter.xml
import { readFileSync } from 'node:fs';

const EMPTY_JSON_BODY = 'the server answers 200 with an empty body and a JSON content type (as Chatwoot does, see the '
  + 'contract); Prism parses every JSON body and answers 500 FetchError "Unexpected end of JSON input" '
  + '(stoplightio/prism#1361)';
const BINARY_UPLOAD = 'Prism buffers request bodies as text, so the binary part of a multipart upload reaches the server '
  + 'corrupted and is refused (stoplightio/prism#1321, #2376)';
const MALFORMED_BODY = 'Prism parses a JSON request body itself, also with --validate-request=false, and answers one it '
  + 'cannot parse with its own 400 (an `error` object), without forwarding it to the server';
// the message patterns carry Prism's signature: its errors are application/problem+json or an `error` object, which
// the server never sends
const PRISM_LIMITATIONS = [
  { test: /ConversationLifecycleTest#typing\b/, message: /^toggleTyping \(POST [^)]*\) answered 500 application\/problem\+json/, why: EMPTY_JSON_BODY },
  { test: /ConversationLifecycleTest#lastSeen\b/, message: /^updateLastSeen \(POST [^)]*\) answered 500 application\/problem\+json/, why: EMPTY_JSON_BODY },
  { test: /MessageLifecycleTest#createWithAttachment\b/, message: /^createMessage (\(POST [^)]*\) )?answered 400\b/, why: BINARY_UPLOAD },
  { test: /MalformedJsonTest#/, message: /answered 400 application\/json[^\n]*breaks the contract:[\s\S]*\[Path '\/error'\] Instance type \(object\)/, why: MALFORMED_BODY },
];

const file = process.argv[2];
if (!file) {
  console.error('usage: check-proxy-run.mjs JUNIT_XML');
  process.exit(2);
}
const xml = readFileSync(file, 'utf8');
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attr = (attrs, name) => unescape(new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? '');

let total = 0;
let skipped = 0;
let known = 0;
const unknown = [];
for (const [, attrs, body = ''] of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
  total++;
  if (/<skipped\b/.test(body)) {
    skipped++;
    continue;
  }
  const failure = /<(failure|error)\b([^>]*)>/.exec(body);
  if (!failure) continue;
  const test = `${attr(attrs, 'classname')}#${attr(attrs, 'name')}`;
  const message = attr(failure[2], 'message');
  const limitation = PRISM_LIMITATIONS.find((l) => l.test.test(test) && l.message.test(message));
  if (limitation) {
    known++;
    console.log(`  known Prism limitation: ${test}\n      ${limitation.why}`);
  } else {
    unknown.push(test);
    console.log(`  FAIL ${test}\n      ${message.split('\n').slice(0, 4).join('\n      ')}`);
  }
}
if (total === 0) {
  console.error(`no test cases in ${file}`);
  process.exit(1);
}
console.log(`through the proxy: ${total - skipped - known - unknown.length} passed, ${known} failed as Prism limitations, `
  + `${unknown.length} failed otherwise, ${skipped} skipped`);
process.exit(unknown.length ? 1 : 0);
