#!/usr/bin/env bash
# Runs every fuzz target of glocal (or the ones named) for SECONDS each, with
# libFuzzer through cargo-fuzz, and exits non-zero when one crashes.
#
#   fuzz/run.sh SECONDS [TARGET...]
#
# On stable Rust (RUSTC_BOOTSTRAP=1 lets cargo-fuzz use the nightly flags it
# needs); installs cargo-fuzz when it is missing. Each target's corpus is
# fuzz/corpus/TARGET, seeded from the repository's own files (Fluent files,
# plan files) and kept between runs; its log is fuzz/logs/TARGET.log; a
# crash is saved in fuzz/artifacts/TARGET/ (all three are git-ignored).
# Environment: FUZZ_SANITIZER (default: address), FUZZ_ARGS (more libFuzzer
# flags, such as "-rss_limit_mb=4096").
set -uo pipefail

seconds="${1:-20}"
shift || true
case "$seconds" in
  '' | *[!0-9]*)
    echo "usage: fuzz/run.sh SECONDS [TARGET...]" >&2
    exit 2
    ;;
esac

fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
cd "$fuzz_dir/.." || exit 2
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked || exit 2
fi

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi
sanitizer="${FUZZ_SANITIZER:-address}"

# Copies the repository files that suit TARGET into its corpus (once each;
# libFuzzer keeps what it finds beside them).
seed() {
  local target="$1" corpus="fuzz/corpus/$1" f
  mkdir -p "$corpus"
  case "$target" in
    fluent_index)
      find locales examples tests/fixtures -name '*.ftl' -size -64k 2>/dev/null |
        while read -r f; do cp -n "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"; done
      ;;
    plan_file)
      find examples tests/fixtures -name '*.toml' -size -64k 2>/dev/null |
        while read -r f; do cp -n "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"; done
      ;;
    resource_names)
      local i=0 name
      for name in markets/ca requirements/eu-gpsr products/p products/p/variants/v1 \
        products/p/bundles/fr-CA products/p/launches/l products/p/roadmaps/r; do
        printf '%s' "$name" >"$corpus/seed-$i"
        i=$((i + 1))
      done
      ;;
    locale_chains)
      printf 'fr-CA\nfr\nen\n' >"$corpus/seed-0"
      printf 'pt-AO\npt-MZ\npt-BR\npt\n' >"$corpus/seed-1"
      printf 'zh-MO\nzh-Hant-HK\nzh-TW\nzh\n' >"$corpus/seed-2"
      printf 'sr-ME\nsr-Cyrl\nsr-Latn-RS\n' >"$corpus/seed-3"
      printf 'nb-NO\nnn\nno-NO\n' >"$corpus/seed-4"
      printf 'en-CH\nen-150\nen-001\nen-US\n' >"$corpus/seed-5"
      printf 'ca-ES-valencia\nca\nes-419\n' >"$corpus/seed-6"
      ;;
  esac
}

# Built once; each target's binary is then run directly, as `cargo fuzz run`
# would run it, so that no target waits for a build of its own.
echo "building ${targets[*]} (sanitizer $sanitizer)" >&2
if ! cargo fuzz build --sanitizer "$sanitizer"; then
  echo "fuzz/run.sh: the fuzz targets do not build" >&2
  exit 2
fi
triple="$(rustc -vV | sed -n 's/^host: //p')"
bin_dir="${CARGO_TARGET_DIR:-fuzz/target}/$triple/release"

mkdir -p fuzz/logs
failed=()
for target in "${targets[@]}"; do
  seed "$target"
  dict=()
  if [ -f "fuzz/dicts/$target.dict" ]; then
    dict=("-dict=fuzz/dicts/$target.dict")
  fi
  log="fuzz/logs/$target.log"
  echo "== $target: ${seconds}s, log $log" >&2
  mkdir -p "fuzz/artifacts/$target"
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  "$bin_dir/$target" -artifact_prefix="fuzz/artifacts/$target/" \
    -max_total_time="$seconds" -timeout=25 -print_final_stats=1 \
    "${dict[@]}" ${FUZZ_ARGS:-} "fuzz/corpus/$target" >"$log" 2>&1
  status=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)"
  if [ "$status" -eq 0 ]; then
    echo "   ok: ${execs:-?} executions ${done_line:+($done_line)}" >&2
  else
    echo "   FAILED (exit $status) after ${execs:-?} executions; the end of $log:" >&2
    tail -n 40 "$log" >&2
    ls fuzz/artifacts/"$target"/ 2>/dev/null | sed 's/^/   artifact: /' >&2
    failed+=("$target")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz/run.sh: crashes in ${failed[*]}" >&2
  exit 1
fi
echo "fuzz/run.sh: ${targets[*]}: no crash in ${seconds}s each" >&2
