#!/usr/bin/env python3
"""Compare glocal's per-locale checks with Mozilla's compare-locales.

Usage (the corpus is ../shared/corpus/www-l10n; compare-locales comes from
PyPI, in a virtualenv outside the repository):

    python3 -m venv /tmp/cl-venv && /tmp/cl-venv/bin/pip install compare-locales
    GLOCAL_AGREEMENT_OUT=/tmp/glocal.json \\
        cargo test --release --test corpus_agreement -- --ignored --nocapture
    /tmp/cl-venv/bin/python tests/compare_locales.py \\
        --corpus ../shared/corpus/www-l10n --glocal /tmp/glocal.json

It writes an l10n.toml in a temporary folder that makes every file of en/ the
reference of the same path in every locale folder, runs
`compare-locales --json` on it (or reads its output again with --cl-json),
and compares per locale the sets of missing ids, obsolete ids and missing
attributes (`id.attr`) with glocal's. compare-locales reports a missing (or
obsolete) file once, without ids: such a file stands for all its entries.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

# This file's name is the package's: import the package, not this script.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]
from compare_locales import parser as cl_parser  # noqa: E402

MISSING_ATTRIBUTE = re.compile(r"^Missing attribute: (\S+) at line \d+, column \d+ for (\S+)$")


def entity_ids(path):
    """The ids of the (non-junk) entries of a Fluent file, as compare-locales reads them."""
    p = cl_parser.getParser(path)
    p.readFile(path)
    return {e.key for e in p.parse() if not isinstance(e, cl_parser.Junk)}


def flatten(tree, prefix=""):
    """compare-locales' details tree as (locale/file path, [items]); the tree
    joins single-child folders into one key ("it/newsletter/x.ftl")."""
    for name, value in tree.items():
        path = f"{prefix}{name}"
        if isinstance(value, list):
            yield path, value
        else:
            yield from flatten(value, path + "/")


def run_compare_locales(corpus, locales, out):
    with tempfile.TemporaryDirectory() as tmp:
        toml = os.path.join(tmp, "l10n.toml")
        with open(toml, "w") as f:
            f.write(f"basepath = {json.dumps(os.path.abspath(corpus))}\n")
            f.write("locales = [\n" + "".join(f'    "{l}",\n' for l in locales) + "]\n\n")
            f.write('[[paths]]\n    reference = "en/**/*.ftl"\n    l10n = "{locale}/**/*.ftl"\n')
        binary = os.path.join(os.path.dirname(sys.executable), "compare-locales")
        start = time.monotonic()
        subprocess.run(
            [binary, "--json", out, "--return-zero", toml, corpus],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return time.monotonic() - start


def compare_locales_sets(corpus, details):
    """{locale: {"missing": set, "obsolete": set, "missing_attributes": set}},
    each item `path:id`, as glocal's FILE scope names a message."""
    result = {}
    for full_path, items in flatten(details):
        locale, path = full_path.split("/", 1)
        sets = result.setdefault(
            locale, {"missing": set(), "obsolete": set(), "missing_attributes": set()}
        )
        for item in items:
            if "missingEntity" in item:
                sets["missing"].add(f"{path}:{item['missingEntity']}")
            elif "obsoleteEntity" in item:
                sets["obsolete"].add(f"{path}:{item['obsoleteEntity']}")
            elif "missingFile" in item:
                sets["missing"] |= {f"{path}:{i}" for i in entity_ids(os.path.join(corpus, "en", path))}
            elif "obsoleteFile" in item:
                sets["obsolete"] |= {f"{path}:{i}" for i in entity_ids(os.path.join(corpus, locale, path))}
            elif "error" in item:
                m = MISSING_ATTRIBUTE.match(item["error"])
                if m:
                    sets["missing_attributes"].add(f"{path}:{m.group(2)}.{m.group(1)}")
    return result


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--corpus", default="../shared/corpus/www-l10n")
    args.add_argument("--glocal", required=True, help="GLOCAL_AGREEMENT_OUT of corpus_agreement")
    args.add_argument("--cl-json", help="reuse this compare-locales --json output")
    args.add_argument("--show", type=int, default=5, help="ids shown per difference")
    args = args.parse_args()

    glocal = json.load(open(args.glocal))
    locales = sorted(glocal["locales"])
    cl_json = args.cl_json or os.path.join(tempfile.gettempdir(), "compare-locales.json")
    if not args.cl_json:
        seconds = run_compare_locales(args.corpus, locales, cl_json)
        ours = sum(glocal["timing_seconds"].values())
        print(f"compare-locales: {seconds:.1f} s; glocal read+index+check: {ours:.2f} s "
              f"(check alone {glocal['timing_seconds']['check']:.2f} s); ratio {seconds / ours:.0f}x")
    cl = compare_locales_sets(args.corpus, json.load(open(cl_json))[0]["details"])

    kinds = ("missing", "obsolete", "missing_attributes")
    agree = {k: 0 for k in kinds}
    counts_agree = {k: 0 for k in kinds}
    all_agree = 0
    for locale in locales:
        ours = {k: set(glocal["locales"][locale][k]) for k in kinds}
        theirs = cl.get(locale, {k: set() for k in kinds})
        same = True
        for kind in kinds:
            counts_agree[kind] += len(ours[kind]) == len(theirs[kind])
            if ours[kind] == theirs[kind]:
                agree[kind] += 1
                continue
            same = False
            only_ours = sorted(ours[kind] - theirs[kind])
            only_theirs = sorted(theirs[kind] - ours[kind])
            print(f"{locale} {kind}: glocal only {len(only_ours)} {only_ours[:args.show]}; "
                  f"compare-locales only {len(only_theirs)} {only_theirs[:args.show]}")
        all_agree += same
    n = len(locales)
    print(f"agree exactly, of {n} locales: " +
          ", ".join(f"{k} {agree[k]}" for k in kinds) + f"; all three {all_agree}")
    print(f"counts agree, of {n} locales: " +
          ", ".join(f"{k} {counts_agree[k]}" for k in kinds))
    totals = {k: sum(len(glocal["locales"][l][k]) for l in locales) for k in kinds}
    print("glocal totals: " + ", ".join(f"{k} {totals[k]}" for k in kinds))
    return 0 if all_agree == n else 1


if __name__ == "__main__":
    sys.exit(main())
