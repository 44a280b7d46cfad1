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

/// The most folders [`ftl_files`] walks under one folder, each time it is
/// reached counting (a locale folder has a few dozen): past it the walk
/// stops with an error, so that a symbolic link to `/` or a lattice of links
/// cannot make it run for ever.
pub const MAX_FOLDERS: usize = 10_000;

/// The files under `dir` whose path relative to it (`/`-separated) matches
/// `glob`, or every `.ftl` file without one, in path order.
///
/// Symbolic links are followed, as most tools that read a tree do and as a
/// Fluent loader reading the same paths would: a link to a file is that
/// file, under the link's path, wherever the file is; a link to a folder is
/// walked as that folder, under the link's path, wherever it is (a locale
/// folder may link a folder shared with others, inside the repository or
/// outside it). So that no link hangs or crashes the walk:
///
/// - a link to a folder that is being walked already (the folder holding it
///   or one above, as `again -> .` or `up -> ../..`) is not followed: it
///   would list the same files again under ever longer paths, and nothing is
///   lost by skipping it;
/// - a link that leads nowhere (to nothing, or round links such as
///   `ping -> pong -> ping`) is an error ("cannot read") when its name is one
///   the walk lists (`.ftl`, or matching `glob`), as an unreadable file is,
///   so that a broken link is not a silently missing file; otherwise it is
///   skipped, like any file not listed;
/// - the walk stops with an error past [`MAX_FOLDERS`] folders (a link to
///   `/`, or links that fan out);
/// - it keeps its own stack, so that a deep chain of links cannot overflow
///   the thread's.
pub fn ftl_files(dir: &Path, glob: Option<&GlobMatcher>) -> anyhow::Result<Vec<(String, PathBuf)>> {
    /// What is left to do, last first.
    enum Step {
        /// Walk a folder: its path on disk and in the tree.
        Folder(PathBuf, String),
        /// List a file.
        File(PathBuf, String),
        /// Leave the folder walked last.
        Leave,
    }
    let cannot_read = |path: &Path, e: std::io::Error| {
        anyhow::anyhow!(texts::cannot_read(
            &path.display().to_string(),
            &e.to_string()
        ))
    };
    let listed = |name: &str, path: &str| match glob {
        Some(g) => g.is_match(path),
        None => name.ends_with(".ftl"),
    };
    let mut out = Vec::new();
    let mut steps = vec![Step::Folder(dir.to_path_buf(), String::new())];
    // The folders being walked, from `dir` down, as their canonical paths.
    let mut walking: Vec<PathBuf> = Vec::new();
    let mut walked = 0;
    while let Some(step) = steps.pop() {
        let (folder, relative) = match step {
            Step::Leave => {
                walking.pop();
                continue;
            }
            Step::File(path, relative) => {
                out.push((relative, path));
                continue;
            }
            Step::Folder(folder, relative) => (folder, relative),
        };
        let canonical = folder.canonicalize().map_err(|e| cannot_read(&folder, e))?;
        if walking.contains(&canonical) {
            continue;
        }
        walked += 1;
        if walked > MAX_FOLDERS {
            anyhow::bail!(texts::too_many_folders(
                &dir.display().to_string(),
                MAX_FOLDERS
            ));
        }
        walking.push(canonical);
        steps.push(Step::Leave);
        let mut entries: Vec<std::fs::DirEntry> = std::fs::read_dir(&folder)
            .map_err(|e| cannot_read(&folder, e))?
            .collect::<Result<_, _>>()
            .map_err(|e| cannot_read(&folder, e))?;
        entries.sort_by_key(|e| e.file_name());
        let mut children = Vec::new();
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = if relative.is_empty() {
                name.clone()
            } else {
                format!("{relative}/{name}")
            };
            let mut kind = entry
                .file_type()
                .map_err(|e| cannot_read(&entry.path(), e))?;
            if kind.is_symlink() {
                match std::fs::metadata(entry.path()) {
                    Ok(target) => kind = target.file_type(),
                    Err(e) if listed(&name, &path) => return Err(cannot_read(&entry.path(), e)),
                    Err(_) => continue,
                }
            }
            if kind.is_dir() {
                children.push(Step::Folder(entry.path(), path));
            } else if kind.is_file() && listed(&name, &path) {
                children.push(Step::File(entry.path(), path));
            }
        }
        steps.extend(children.into_iter().rev());
    }
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
///
/// A symbolic link to a folder is a folder (`en-GB -> en-US`, read with its
/// own name); a symbolic link that leads nowhere (to nothing, or round
/// links) is skipped with a note, since it may have been meant as a locale
/// folder. The files under each folder are [`ftl_files`]'s.
pub fn locale_folders(
    base: &Path,
    skip: Option<&Path>,
    notes: &mut Vec<Note>,
) -> anyhow::Result<BTreeMap<LocaleTag, LocaleFolder>> {
    let shown = base.display().to_string();
    // Each folder, or why a link that may have been meant as one leads
    // nowhere.
    let mut names: Vec<(String, Result<PathBuf, String>)> = Vec::new();
    for entry in std::fs::read_dir(base)
        .map_err(|e| anyhow::anyhow!(texts::cannot_read(&shown, &e.to_string())))?
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        match std::fs::metadata(entry.path()) {
            Ok(m) if m.is_dir() => names.push((name, Ok(entry.path()))),
            Ok(_) => {}
            Err(e) if entry.file_type().is_ok_and(|t| t.is_symlink()) => {
                names.push((name, Err(e.to_string())));
            }
            Err(_) => {}
        }
    }
    names.sort();
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let mut out: BTreeMap<LocaleTag, LocaleFolder> = BTreeMap::new();
    for (name, path) in names {
        if name.starts_with('.') {
            continue;
        }
        let path = match path {
            Ok(path) => path,
            Err(error) => {
                notes.push(texts::skipped_broken_link(&name, &error));
                continue;
            }
        };
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
