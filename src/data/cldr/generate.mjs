// Generates cldr.json, the CLDR data glocal's coverage engine embeds
// (src/coverage/cldr.rs loads it with include_str!).
//
//   cd src/data/cldr && npm ci && node generate.mjs
//
// Reads the pinned cldr-core package from node_modules and writes, with sorted
// keys and one entry per line (so a CLDR upgrade is a readable diff):
//
// - meta: the cldr-core, CLDR and Unicode versions.
// - parentLocales: the main parentLocale map of supplemental/parentLocales.json
//   (not the collations/plurals/segmentations/grammaticalFeatures component
//   maps). CLDR JSON spells the root locale "und"; it is written as "root".
// - parentLocaleRules: the map's _localeRules (CLDR 46+: a locale whose script
//   is not the likely script of its language has root as its parent).
// - likelySubtags: supplemental/likelySubtags.json without the "und-…" keys:
//   every language, plus the language-region and language-script entries
//   (zh-TW → zh-Hant-TW, sr-ME → sr-Latn-ME).
// - officialLanguages: per territory, the languages of territoryInfo.json whose
//   _officialStatus is official, de_facto_official or official_regional, with
//   that status and _populationPercent (a number). "iu_Latn" keys become
//   "iu-Latn".
// - pluralCategories: the cardinal plural categories of each locale in
//   plurals.json, in the order zero, one, two, few, many, other.
//
// No dependencies besides cldr-core; no network access at run time.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const core = join(here, "node_modules", "cldr-core");
const read = (path) => JSON.parse(readFileSync(join(core, path), "utf8"));

function fail(message) {
  console.error(`generate.mjs: ${message}`);
  process.exit(1);
}

const pkg = read("package.json");
const pinned = JSON.parse(readFileSync(join(here, "package.json"), "utf8"))
  .dependencies["cldr-core"];
if (pkg.version !== pinned) {
  fail(`node_modules has cldr-core ${pkg.version} but package.json pins ${pinned}; run npm ci`);
}

const parentFile = read("supplemental/parentLocales.json").supplemental;
const likelyFile = read("supplemental/likelySubtags.json").supplemental;
const territoryFile = read("supplemental/territoryInfo.json").supplemental;
const pluralFile = read("supplemental/plurals.json").supplemental;

// Every file must come from the same CLDR release.
const cldrVersion = parentFile.version._cldrVersion;
for (const [name, file] of [
  ["likelySubtags", likelyFile],
  ["territoryInfo", territoryFile],
  ["plurals", pluralFile],
]) {
  if (file.version._cldrVersion !== cldrVersion) {
    fail(`${name}.json is CLDR ${file.version._cldrVersion}, parentLocales.json is ${cldrVersion}`);
  }
}
if (pkg.cldrVersion && pkg.cldrVersion !== cldrVersion) {
  fail(`cldr-core says CLDR ${pkg.cldrVersion}, the data says ${cldrVersion}`);
}

const root = (tag) => (tag === "und" || tag === "root" ? "root" : tag);

// (a) Parent locales: the main map only.
const parentLocales = {};
for (const [child, parent] of Object.entries(parentFile.parentLocales.parentLocale)) {
  parentLocales[child] = root(parent);
}
const localeRules = parentFile.parentLocales._localeRules?.parentLocale ?? {};
const parentLocaleRules = {};
for (const [rule, parent] of Object.entries(localeRules)) {
  // src/coverage/cldr.rs implements exactly this rule; a new one needs code.
  if (rule !== "nonlikelyScript" || root(parent) !== "root") {
    fail(`unknown parentLocale rule ${rule} → ${parent}; teach src/coverage/cldr.rs about it`);
  }
  parentLocaleRules[rule] = root(parent);
}

// (b) Likely subtags, without the und-… entries (a locale here always has a
// language).
const likelySubtags = {};
for (const [from, to] of Object.entries(likelyFile.likelySubtags)) {
  if (from === "und" || from.startsWith("und-")) continue;
  if (to.split("-").length !== 3) fail(`likely subtags ${from} → ${to} is not language-script-region`);
  likelySubtags[from] = to;
}

// (c) Official languages per territory.
const OFFICIAL = new Set(["official", "de_facto_official", "official_regional"]);
const officialLanguages = {};
for (const [territory, info] of Object.entries(territoryFile.territoryInfo)) {
  const languages = {};
  for (const [language, data] of Object.entries(info.languagePopulation ?? {})) {
    const status = data._officialStatus;
    if (!OFFICIAL.has(status)) continue;
    const percent = Number(data._populationPercent);
    if (!Number.isFinite(percent)) fail(`${territory}/${language} has no population percentage`);
    languages[language.replaceAll("_", "-")] = { populationPercent: percent, status };
  }
  if (Object.keys(languages).length > 0) officialLanguages[territory] = languages;
}

// (d) Cardinal plural categories.
const ORDER = ["zero", "one", "two", "few", "many", "other"];
const pluralCategories = {};
for (const [locale, rules] of Object.entries(pluralFile["plurals-type-cardinal"])) {
  const categories = Object.keys(rules).map((k) => k.replace("pluralRule-count-", ""));
  for (const c of categories) if (!ORDER.includes(c)) fail(`${locale}: unknown plural category ${c}`);
  pluralCategories[locale.replaceAll("_", "-")] = ORDER.filter((c) => categories.includes(c));
}

const data = {
  meta: {
    cldrCoreVersion: pkg.version,
    cldrVersion,
    generator: "src/data/cldr/generate.mjs",
    source: "https://www.npmjs.com/package/cldr-core",
    unicodeVersion: parentFile.version._unicodeVersion,
  },
  parentLocaleRules,
  parentLocales,
  likelySubtags,
  officialLanguages,
  pluralCategories,
};

// Sorted keys; objects down to `depth` levels get one entry per line, deeper
// values are written on the entry's line.
const DEPTH = { officialLanguages: 2 };
const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function compact(value) {
  if (Array.isArray(value)) return `[${value.map(compact).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort(byKey);
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${compact(value[k])}`).join(", ")}}`;
  }
  return JSON.stringify(value);
}
function expanded(value, depth, indent) {
  if (depth === 0 || value === null || typeof value !== "object" || Array.isArray(value)) {
    return compact(value);
  }
  const keys = Object.keys(value).sort(byKey);
  if (keys.length === 0) return "{}";
  const inner = indent + "  ";
  const lines = keys.map((k) => `${inner}${JSON.stringify(k)}: ${expanded(value[k], depth - 1, inner)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}
const sections = Object.keys(data)
  .sort(byKey)
  .map((k) => `  ${JSON.stringify(k)}: ${expanded(data[k], DEPTH[k] ?? 1, "  ")}`);
const text = `{\n${sections.join(",\n")}\n}\n`;
JSON.parse(text); // well-formed, or throw

writeFileSync(join(here, "cldr.json"), text);
console.log(
  `cldr.json: CLDR ${cldrVersion} (cldr-core ${pkg.version}): ` +
    `${Object.keys(parentLocales).length} parent locales, ` +
    `${Object.keys(likelySubtags).length} likely subtags, ` +
    `${Object.keys(officialLanguages).length} territories, ` +
    `${Object.keys(pluralCategories).length} plural locales`,
);
