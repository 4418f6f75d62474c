#!/usr/bin/env node
// Validates FHIR R4 JSON files (a Bundle or a single resource) against the base
// R4 definitions bundled with the npm package `fhir` (4.12), offline.
//   node validate.js [--verbose] FILE...
// Exit 0: every file valid. 1: errors (printed). 77: `fhir` is not installed
// (run `npm ci` in this folder) -- ctest treats 77 as "skipped".
'use strict';
const fs = require('fs');
const path = require('path');

let Fhir;
try {
  ({ Fhir } = require(path.join(__dirname, 'node_modules', 'fhir')));
} catch (e) {
  console.log('SKIP: the npm package "fhir" is not installed; run: (cd tools/fhir-validate && npm ci)');
  process.exit(77);
}

const files = process.argv.slice(2).filter((a) => a !== '--verbose');
if (files.length === 0) {
  console.error('usage: node validate.js FILE...');
  process.exit(2);
}

const fhir = new Fhir();
let failed = false;

const verbose = process.argv.includes('--verbose');
// The package knows the base R4 value sets but no LOINC or SNOMED CT content, so
// every LOINC / SNOMED / IG code is "not found in value set": a warning that only
// says the code could not be looked up offline. Counted, shown with --verbose.
let terminologyWarnings = 0;

function report(label, result) {
  const problems = result.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal');
  for (const m of problems) console.log(`${label}: ${m.severity} at ${m.location}: ${m.message}`);
  for (const m of result.messages.filter((x) => x.severity === 'warning')) {
    const lookup = /not found in value set/.test(m.message);
    if (lookup) terminologyWarnings++;
    if (!lookup || verbose) console.log(`${label}: warning at ${m.location}: ${m.message}`);
  }
  return problems.length === 0 && result.valid;
}

for (const file of files) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`${file}: cannot read or parse: ${e.message}`);
    failed = true;
    continue;
  }
  // errorOnUnexpected: a property R4 does not define is an error, not ignored.
  const options = { errorOnUnexpected: true };
  let ok = report(file, fhir.validate(doc, options));
  // Validate every entry's resource on its own as well (clearer locations).
  if (doc.resourceType === 'Bundle' && Array.isArray(doc.entry)) {
    doc.entry.forEach((entry, i) => {
      const label = `${file} entry[${i}] ${entry.resource && entry.resource.resourceType}`;
      ok = report(label, fhir.validate(entry.resource, options)) && ok;
    });
  }
  console.log(`${file}: ${ok ? 'valid' : 'INVALID'} (${doc.entry ? doc.entry.length : 1} resources)`);
  if (!ok) failed = true;
}
if (terminologyWarnings > 0)
  console.log(`(${terminologyWarnings} codes could not be looked up offline: LOINC / SNOMED CT are not bundled; --verbose lists them)`);
process.exit(failed ? 1 : 0);
