//! Locale trees on disk: the `--layout` / `[product.fluent] layout` syntax and
//! the Fluent files under a folder, shared by `glocal push` and `glocal check`.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};

use super::report::texts;

/// A parsed layout `PREFIX/{locale}/GLOB`: literal folders, `{locale}` as a
/// whole folder name, then a glob of the files' paths in the bundle.
pub struct Layout {
    /// The folders before `{locale}`.
    pub prefix: PathBuf,
    /// The files' paths under the locale folder.
    pub glob: GlobMatcher,
}

impl Layout {
    /// Parses `layout`; says what is wrong otherwise.
    pub fn parse(layout: &str) -> Result<Layout, String> {
        let segments: Vec<&str> = layout.split('/').collect();
        let Some(at) = segments.iter().position(|s| *s == "{locale}") else {
            return Err(texts::layout_needs_locale_folder());
        };
        let prefix = &segments[..at];
        if prefix
            .iter()
            .any(|s| s.contains(['*', '?', '[', '{']) || *s == ".." || s.is_empty())
        {
            return Err(texts::layout_plain_prefix());
        }
        let rest = segments[at + 1..].join("/");
        if !rest.ends_with(".ftl") {
            return Err(texts::layout_needs_ftl());
        }
        let glob = GlobBuilder::new(&rest)
            .literal_separator(true)
            .build()
            .map_err(|e| texts::layout_bad_glob(&e.to_string()))?
            .compile_matcher();
        Ok(Layout {
            prefix: prefix.iter().collect(),
            glob,
        })
    }
}

/// The files under `dir` whose path relative to it (`/`-separated) matches
/// `glob`, or every `.ftl` file without one, in path order.
pub fn ftl_files(dir: &Path, glob: Option<&GlobMatcher>) -> anyhow::Result<Vec<(String, PathBuf)>> {
    fn walk(
        dir: &Path,
        relative: &str,
        glob: Option<&GlobMatcher>,
        out: &mut Vec<(String, PathBuf)>,
    ) -> anyhow::Result<()> {
        let shown = dir.display().to_string();
        let mut entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)
            .map_err(|e| anyhow::anyhow!(texts::cannot_read(&shown, &e.to_string())))?
            .collect::<Result<_, _>>()
            .map_err(|e| anyhow::anyhow!(texts::cannot_read(&shown, &e.to_string())))?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = if relative.is_empty() {
                name.clone()
            } else {
                format!("{relative}/{name}")
            };
            let kind = entry
                .file_type()
                .map_err(|e| anyhow::anyhow!(texts::cannot_read(&path, &e.to_string())))?;
            if kind.is_dir() {
                walk(&entry.path(), &path, glob, out)?;
            } else if kind.is_file()
                && match glob {
                    Some(g) => g.is_match(&path),
                    None => name.ends_with(".ftl"),
                }
            {
                out.push((path, entry.path()));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", glob, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_layouts() {
        let l = Layout::parse("{locale}/**/*.ftl").unwrap();
        assert!(l.prefix.as_os_str().is_empty());
        assert!(
            l.glob.is_match("a/b.ftl") && l.glob.is_match("b.ftl") && !l.glob.is_match("b.txt")
        );
        let l = Layout::parse("l10n/{locale}/app.ftl").unwrap();
        assert_eq!(l.prefix, PathBuf::from("l10n"));
        assert!(l.glob.is_match("app.ftl") && !l.glob.is_match("x/app.ftl"));
        for bad in [
            "*.ftl",
            "{locale}.ftl",
            "*/{locale}/a.ftl",
            "{locale}/**/*.txt",
            "{locale}",
        ] {
            assert!(Layout::parse(bad).is_err(), "{bad}");
        }
    }
}
