// `npm run test:security`: runs @doyensec/electronegativity over the app's sources and fails
// unless every finding is explained in tests/security/electronegativity-allowlist.json.
//
// Electronegativity 1.10 fetches translations online at start; offline, that fetch's retries
// crash the process (p-cancelable "onCancel handler was attached after the promise settled",
// got's ENOTFOUND), sometimes before the report is written. The CLI is therefore run through
// a small wrapper that replaces its HTTP client with one that fails at once, so it uses its
// bundled English texts and never touches the network; then the report it writes is judged.
// The report is SARIF, not CSV: its CSV writer issues the header and the rows as two
// unsynchronised async writes, so on a fast machine the header can land over the first row.
// Files it cannot parse would silently go unscanned, so each one is parsed here first with the
// same parser, and a parse failure fails the run. Inline `eng-disable` comments are refused:
// every exception goes through the allow-list, with its reason.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allowListFile = path.join(root, 'tests', 'security', 'electronegativity-allowlist.json');
// What is scanned: the Node/Electron side, the renderer's sources, and the built page (its CSP
// meta tag is added by the build); not tests, not bundles, not node_modules.
const SCANNED = ['main', 'renderer', 'package.json'];
const BUILT_PAGE = path.join('dist', 'renderer', 'index.html');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']; // needs the network; versions are pinned by the lockfile
const PARSED_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts']);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

function fail(message) {
  console.error(`electronegativity: ${message}`);
  process.exitCode = 1;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'hustings-electronegativity-'));
try {
  scan();
} finally {
  rmSync(work, { recursive: true, force: true });
}

function scan() {
  const scanDir = path.join(work, 'scan');
  for (const entry of SCANNED) {
    const from = path.join(root, entry);
    if (!existsSync(from)) continue;
    cpSync(from, path.join(scanDir, entry), {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(path.relative(root, src)),
    });
  }
  if (!existsSync(path.join(root, BUILT_PAGE))) {
    fail(`${BUILT_PAGE} is missing: run \`npm run build\` first`);
    return;
  }
  cpSync(path.join(root, BUILT_PAGE), path.join(scanDir, BUILT_PAGE));
  const files = walk(scanDir);

  // 1. Every scanned source must parse, and nothing may disable a check inline.
  const { Parser } = require('@doyensec/electronegativity/dist/parser/parser.js');
  const parser = new Parser(false, true);
  for (const file of files) {
    const rel = path.relative(scanDir, file);
    const text = readFileSync(file, 'utf8');
    if (/eng-disable/.test(text)) fail(`${rel} disables a check inline (eng-disable); use the allow-list instead`);
    if (!PARSED_EXTENSIONS.has(path.extname(file))) continue;
    try {
      parser.parse(file, text);
    } catch (error) {
      fail(`${rel} cannot be parsed by electronegativity, so it would go unchecked: ${error.message}`);
    }
  }

  // 2. Scan.
  const reportFile = path.join(work, 'electronegativity.sarif');
  const version = electronVersion();
  const wrapper = path.join(work, 'electronegativity-cli.cjs');
  const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
  const got = createRequire(cli).resolve('got');
  writeFileSync(
    wrapper,
    `const Module = require('node:module');
const offline = new Module(${JSON.stringify(got)});
offline.filename = ${JSON.stringify(got)};
offline.loaded = true;
offline.exports = () => Promise.reject(new Error('offline: electronegativity runs without the network here'));
require.cache[${JSON.stringify(got)}] = offline;
require(${JSON.stringify(cli)});
`,
  );
  const result = spawnSync(process.execPath, [wrapper, '-i', scanDir, '-e', version, '-x', EXCLUDED_CHECKS.join(','), '-o', reportFile], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en-US' },
    timeout: 180_000,
  });
  if (result.status !== 0 || !existsSync(reportFile)) {
    fail(`the scan failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}).\n${result.stdout}\n${result.stderr}`);
    return;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch (error) {
    fail(`the report could not be read: ${error.message}`);
    return;
  }
  const findings = (report.runs?.[0]?.results ?? []).map((r) => {
    const where = r.locations?.[0]?.physicalLocation ?? {};
    const uri = where.artifactLocation?.uri ?? '';
    return {
      check: r.ruleId,
      file: path.isAbsolute(uri) ? path.relative(scanDir, uri).split(path.sep).join('/') : uri,
      location: `${where.region?.startLine}:${where.region?.startColumn}`,
      description: r.message?.text,
    };
  });

  // 3. Judge against the allow-list.
  const { allow } = JSON.parse(readFileSync(allowListFile, 'utf8'));
  for (const entry of allow) {
    if (!entry.check || !entry.file || typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      fail(`allow-list entry ${JSON.stringify(entry)} needs a check, a file and a real reason`);
    }
  }
  const used = new Set();
  const unexplained = [];
  for (const f of findings) {
    const i = allow.findIndex((a) => a.check === f.check && a.file === f.file);
    if (i === -1) unexplained.push(f);
    else used.add(i);
  }
  console.log(
    `electronegativity ${require('@doyensec/electronegativity/package.json').version} (Electron ${version}): ` +
      `${files.length} files, ${findings.length} findings, ${findings.length - unexplained.length} explained in ` +
      `${path.relative(root, allowListFile)}`,
  );
  allow.forEach((a, i) => {
    if (!used.has(i)) console.warn(`  note: allow-list entry no longer needed: ${a.check} in ${a.file}`);
  });
  for (const f of unexplained) {
    fail(`unexplained finding ${f.check} in ${f.file}:${f.location}: ${f.description}`);
  }
}
