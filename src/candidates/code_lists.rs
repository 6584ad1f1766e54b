//! Lists of a program's names: the items of a list that a line announces as functions,
//! methods, properties, parameters and the like (`runtime 包中有几个处理任务的函数：` and then
//! `- Goexit`, `- NumCPU：返回核数`) each open with a name of the program, not a term. The
//! rest of an item is prose, and its English stays.

use super::Candidate;
use crate::model::Span;

/// Nouns of things of a program, which a line ends with before the colon that opens a list
/// of them.
const CODE_NOUNS: &[&str] = &[
    "函数",
    "方法",
    "属性",
    "参数",
    "字段",
    "事件",
    "钩子",
    "变量",
    "常量",
    "配置项",
    "成员",
    "functions",
    "methods",
    "properties",
    "parameters",
    "fields",
    "attributes",
    "arguments",
];

/// Words between such a noun and the colon (`常用的函数如下：`, `参数包括：`).
const LEAD_INS: &[&str] = &["如下", "包括", "有", "是", " are", " include"];

/// Whether `line` announces a list of names of a program: it ends with a colon after a noun
/// of [`CODE_NOUNS`], maybe with a word of [`LEAD_INS`] between.
fn announces_names(line: &str) -> bool {
    let Some(head) = line.trim_end().strip_suffix(['：', ':']) else { return false };
    let head = head.trim_end();
    let head = LEAD_INS.iter().find_map(|l| head.strip_suffix(l)).unwrap_or(head).trim_end();
    CODE_NOUNS.iter().any(|n| head.ends_with(n))
}

/// The byte length of the marker of a list item that opens `line` (`- `, `* `, `+ `, `1. `,
/// `2、`), spaces before it included, if it is an item.
fn item_marker(line: &str) -> Option<usize> {
    let rest = line.trim_start_matches([' ', '\t']);
    let indent = line.len() - rest.len();
    if let Some(r) = rest.strip_prefix(['-', '*', '+']) {
        return r.starts_with([' ', '\t']).then(|| indent + 1 + (r.len() - r.trim_start_matches([' ', '\t']).len()));
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let r = &rest[digits..];
    let mark = if r.starts_with(". ") || r.starts_with(") ") {
        2
    } else if r.starts_with('、') {
        '、'.len_utf8()
    } else {
        return None;
    };
    (digits > 0).then_some(indent + digits + mark)
}

/// The span of the name that opens an item's text at `start` of `text`: one word of ASCII
/// letters, digits, `_`, `.` and a call's `()`, ended by the line's end, a colon, a dash or a
/// bracket (`Goexit`, `NumCPU：返回核数`, `len() - 长度`); none where the item is a phrase.
fn opening_name(text: &str, start: usize, end: usize) -> Option<Span> {
    let item = &text[start..end];
    let len = item.bytes().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'(' | b')')).count();
    if len == 0 || !item.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let after = item[len..].trim_start_matches([' ', '\t']);
    let closed = after.is_empty()
        || after.starts_with(['：', ':', '-', '—', '–', '（', '(', ','])
        || after.starts_with(|c: char| !c.is_ascii());
    closed.then(|| Span::new(start, start + len))
}

/// Drops the candidates that open the items of lists of names of a program (see the
/// [module docs](self)).
pub(super) fn drop_listed_names(text: &str, cands: &mut Vec<Candidate<'_>>) {
    let bytes = text.as_bytes();
    // only the lines that end with a colon may announce a list: they are found first
    let mut ends: Vec<usize> = memchr::memmem::find_iter(bytes, b":\n")
        .chain(memchr::memmem::find_iter(bytes, "：\n".as_bytes()))
        .chain(memchr::memmem::find_iter(bytes, b":\r\n"))
        .chain(memchr::memmem::find_iter(bytes, "：\r\n".as_bytes()))
        .collect();
    if ends.is_empty() {
        return;
    }
    ends.sort_unstable();
    let mut names: Vec<Span> = Vec::new();
    let mut read_to = 0;
    for colon in ends {
        if colon < read_to {
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[..colon]).map_or(0, |p| p + 1);
        let line_end = memchr::memchr(b'\n', &bytes[colon..]).map_or(text.len(), |p| colon + p + 1);
        if !announces_names(&text[line_start..line_end]) {
            continue;
        }
        read_to = items_after(text, line_end, &mut names);
    }
    if names.is_empty() {
        return;
    }
    cands.retain(|c| names.binary_search_by_key(&c.span.start, |s| s.start).is_err());
}

/// Reads the items of the list that starts at `start` of `text`, pushing the names that open
/// them; returns where the list ends.
fn items_after(text: &str, start: usize, names: &mut Vec<Span>) -> usize {
    let mut at = start;
    for line in text[start..].split_inclusive('\n') {
        let content = line.trim_end();
        let line_start = at;
        if !content.trim().is_empty() {
            match item_marker(content) {
                Some(m) => names.extend(opening_name(text, line_start + m, line_start + content.len())),
                // an item's own paragraphs are indented; anything else ends the list
                None if line.starts_with([' ', '\t']) => {}
                None => return line_start,
            }
        }
        at += line.len();
    }
    at
}

#[cfg(test)]
mod tests {
    use super::super::assert_finds;

    #[test]
    fn items_of_a_list_of_functions_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            (
                "调度包中有几个处理任务的函数：\n\n- Goexit\n\n\t退出当前任务\n\n- NumCPU：返回 CPU 核数\n- Yield - 让出执行权\n\n之后用 Kubernetes 部署。",
                &["CPU", "Kubernetes"],
            ),
            ("常用的方法如下：\n1. Flush() 清空缓冲\n2. Close()：关闭\n", &[]),
            ("The client has these methods:\n* Connect\n* Disconnect\n", &[]),
            // a list of products or of phrases stays
            ("我们比较了三种数据库：\n- PostgreSQL\n- MongoDB\n", &["PostgreSQL", "MongoDB"]),
            ("本节介绍的函数：\n- Gradient Descent 的实现\n", &["Gradient Descent"]),
            // a paragraph ends the list
            ("有两个函数：\n- Reset\n\n另外 Redis 也有缓存。\n- Redis Cluster 更快", &["Redis", "Redis Cluster"]),
        ];
        assert_finds(table);
    }
}
