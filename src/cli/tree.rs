//! Locale trees on disk: the `--layout` / `[product.fluent] layout` syntax,
//! the locale folders of a tree and the Fluent files under a folder, shared
//! by `glocal push` and `glocal check` so that both read a tree alike.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};

use super::report::{texts, Note};
use crate::domain::LocaleTag;

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

/// A locale folder of a tree.
#[derive(Debug, Clone)]
pub struct LocaleFolder {
    /// The folder's name on disk.
    pub folder: String,
    /// The locale as reports name it: its canonical tag, or the folder's own
    /// name when that is not a BCP 47 tag (`ja-JP-mac`).
    pub name: String,
}

/// The locale a folder name stands for: the tag itself, with `_` read as
/// `-` (`pt_BR`); else, for a name that is not a BCP 47 tag but starts with
/// one (`ja-JP-mac`, used by Firefox), its longest valid prefix of two
/// subtags or more, whose CLDR data the checks use (`false` then), when CLDR
/// knows its language. `None` otherwise.
fn folder_locale(name: &str) -> Option<(LocaleTag, bool)> {
    let hyphenated = name.replace('_', "-");
    if let Ok(tag) = LocaleTag::parse(&hyphenated) {
        return Some((tag, true));
    }
    // A prefix of at least a language and a region or script, whose language
    // CLDR knows: `not_a_locale/` is no folder of Nomatsiguenga (`not`).
    let parts: Vec<&str> = hyphenated.split('-').collect();
    (2..parts.len())
        .rev()
        .find_map(|n| LocaleTag::parse(&parts[..n].join("-")).ok())
        .filter(|tag| crate::coverage::cldr::likely_subtags(tag.language()).is_some())
        .map(|tag| (tag, false))
}

/// The locale folders of `base`, by the locale each stands for
/// ([`folder_locale`]), with a note for each folder that is skipped or read
/// as another tag, so that no folder is passed over silently. `skip` is a
/// folder that is not a locale (the source).
pub fn locale_folders(
    base: &Path,
    skip: Option<&Path>,
    notes: &mut Vec<Note>,
) -> anyhow::Result<BTreeMap<LocaleTag, LocaleFolder>> {
    let shown = base.display().to_string();
    let mut names: Vec<(String, PathBuf)> = std::fs::read_dir(base)
        .map_err(|e| anyhow::anyhow!(texts::cannot_read(&shown, &e.to_string())))?
        .filter_map(Result::ok)
        .filter(|e| std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    names.sort();
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let mut out: BTreeMap<LocaleTag, LocaleFolder> = BTreeMap::new();
    for (name, path) in names {
        if name.starts_with('.') {
            continue;
        }
        if skip.is_some() && path.canonicalize().ok() == skip {
            notes.push(texts::skipped_source_folder(&name));
            continue;
        }
        let Some((tag, exact)) = folder_locale(&name) else {
            if let Err(e) = LocaleTag::parse(&name) {
                notes.push(texts::skipped_not_locale(&name, &e));
            }
            continue;
        };
        if let Some(first) = out.get(&tag) {
            notes.push(texts::skipped_same_locale(&name, &first.folder));
            continue;
        }
        let shown_name = if exact {
            tag.to_string()
        } else {
            notes.push(texts::folder_read_as(&name, tag.as_str()));
            name.clone()
        };
        out.insert(
            tag,
            LocaleFolder {
                folder: name,
                name: shown_name,
            },
        );
    }
    Ok(out)
}
