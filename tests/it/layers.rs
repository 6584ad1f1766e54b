//! The crate's layers: no module imports one that imports it back, and the bottom floors
//! (`text`, `model`) import nothing above them. Read from the sources, outside test modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level module of each source file under `src/`, and the source outside its test module.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(&src).unwrap();
            let top = rel.components().next()?.as_os_str().to_str()?.trim_end_matches(".rs").to_string();
            if top == "main" || top == "lib" {
                return None;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // a file's unit tests come last, in `#[cfg(test)] mod …`
            let code = match text.find("#[cfg(test)]\nmod ") {
                Some(at) => &text[..at],
                None => &text,
            };
            let code: String =
                code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            Some((top, code))
        })
        .collect()
}

/// Which top-level modules each one imports through `crate::` paths (names re-exported by
/// `lib.rs` count as their module's).
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().map(|(m, _)| m.clone()).collect();
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let mut exported: BTreeMap<String, String> = BTreeMap::new();
    for line in lib.lines().filter_map(|l| l.strip_prefix("pub use ")) {
        let module = line.split("::").next().unwrap_or("").to_string();
        for name in line.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| w.starts_with(char::is_uppercase))
        {
            exported.insert(name.to_string(), module.clone());
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in &sources {
        let deps = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            // `crate::{a::x, b, C}`: the first name of each path in the braces
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group[..group.find('}').unwrap_or(group.len())]
                    .split(',')
                    .filter_map(|p| p.trim().split("::").next())
                    .collect(),
                None => vec![rest.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("")],
            };
            for name in names {
                let target = if modules.contains(name) { Some(name.to_string()) } else { exported.get(name).cloned() };
                if let Some(target) = target.filter(|t| t != module) {
                    deps.insert(target);
                }
            }
        }
    }
    graph
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports();
    assert!(graph.len() >= 12, "{graph:?}");
    fn reaches(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str, seen: &mut BTreeSet<String>) -> bool {
        graph
            .get(from)
            .into_iter()
            .flatten()
            .any(|next| next == to || (seen.insert(next.clone()) && reaches(graph, next, to, seen)))
    }
    for (module, deps) in &graph {
        for dep in deps {
            assert!(
                !reaches(&graph, dep, module, &mut BTreeSet::new()),
                "{module} imports {dep}, which leads back to it: {graph:#?}"
            );
        }
    }
}

#[test]
fn the_bottom_floors_import_nothing_above_them() {
    let graph = imports();
    assert_eq!(graph["text"], BTreeSet::new(), "text imports {:?}", graph["text"]);
    assert!(graph["model"].iter().all(|m| m == "text"), "model imports {:?}", graph["model"]);
    // and the check would see an import if there were one
    assert!(graph["align"].contains("model") && graph["io"].contains("reference"), "{graph:#?}");
}
