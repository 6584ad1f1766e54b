//! Labels of an interface's controls: quoted English that names a button, a menu or a tab
//! (点击“Save”, “Save”按钮, 单击菜单栏中的“View”, a path through menus “View”“Zoom In”) is
//! a label to press, not a term.

use crate::model::Span;
use crate::normalize::{Document, MarkKind, Marked, HARD};
use crate::text::chars::is_cjk;
use crate::text::lexicon::chinese::{UI_ACTIONS, UI_CONTROLS};

/// A translation in brackets between a quoted label and its control holds at most this many
/// bytes (`（启动实例）`).
const MAX_UI_GLOSS_BYTES: usize = 60;

/// A path through menus is followed back at most this many labels (`“File”“Export”“PDF”`).
const MAX_PATH_LABELS: usize = 4;

/// What stands between a control and a label in it (菜单栏中的“View”: the menu bar's).
const IN_CONTROL: [&str; 4] = ["中的", "里的", "上的", "的"];

/// What joins the labels of a path through menus, besides nothing (`“View”“Zoom In”`).
const PATH_JOINS: [char; 6] = ['>', '→', '/', '|', '›', '»'];

/// Whether English in quotation marks labels a control of an interface: a verb of working
/// one before the marks (点击“Save”), or before a control that holds them (单击菜单栏中的
/// “View”); a control after them, a translation in brackets between (“Save”（保存）按钮); or
/// another label right before them, as a path through menus is written (“View”“Zoom In”,
/// “File” > “Export”).
pub(super) fn is_ui_label(doc: &Document<'_>, span: Span) -> bool {
    let quote = |m: &&Marked| m.kind == MarkKind::Quote;
    let Some(m) =
        doc.marked_ending_at(span.end).filter(quote).or_else(|| doc.marked_starting_at(span.start).filter(quote))
    else {
        return false;
    };
    labels_control(doc, m.inner, MAX_PATH_LABELS)
}

/// [`is_ui_label`] for the quoted `inner`, following a path through menus back `depth`
/// labels at most.
fn labels_control(doc: &Document<'_>, inner: Span, depth: usize) -> bool {
    let view = doc.view();
    let before = view[..inner.start].trim_end_matches(|c: char| !is_cjk(c) && !c.is_alphanumeric());
    if UI_ACTIONS.iter().any(|a| before.ends_with(a)) {
        return true;
    }
    // 单击菜单栏中的“View”: a verb of working a control, the control, and the label in it
    let in_control = IN_CONTROL.iter().find_map(|w| before.strip_suffix(w)).is_some_and(|place| {
        UI_CONTROLS
            .iter()
            .find_map(|c| place.strip_suffix(c))
            .is_some_and(|verb| UI_ACTIONS.iter().any(|a| verb.ends_with(a)))
    });
    if in_control {
        return true;
    }
    let mut after =
        view[inner.end..].trim_start_matches(|c: char| !is_cjk(c) && !c.is_alphanumeric() && c != '(' && c != '（');
    // a translation in brackets (“Save”（保存）按钮)
    if after.starts_with(['(', '（']) {
        let close = after.find([')', '）']).filter(|&p| p <= MAX_UI_GLOSS_BYTES);
        after = close.map_or("", |p| &after[p + after[p..].chars().next().map_or(1, char::len_utf8)..]);
    }
    if UI_CONTROLS.iter().any(|c| after.starts_with(c)) {
        return true;
    }
    depth > 0 && label_before(doc, inner).is_some_and(|prev| labels_control(doc, prev, depth - 1))
}

/// The quoted English right before the quoted `inner`, nothing but a join of a path through
/// menus between (`“View”“Zoom In”`, `“File” > “Export”`).
fn label_before(doc: &Document<'_>, inner: Span) -> Option<Span> {
    let view = doc.view();
    let opened = view[..inner.start].strip_suffix(['“', '"', '「'])?;
    // (an arrow written as math, `$\rightarrow$`, is masked)
    let between = opened.trim_end_matches(|c: char| c == ' ' || c == char::from(HARD) || PATH_JOINS.contains(&c));
    let closed = between.strip_suffix(['”', '"', '」'])?;
    let prev = doc.marked_ending_at(closed.len()).filter(|m| m.kind == MarkKind::Quote)?;
    (!view[prev.inner.range()].chars().any(is_cjk)).then_some(prev.inner)
}

#[cfg(test)]
mod tests {
    use super::super::assert_finds;

    #[test]
    fn labels_of_controls_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("点击“Deploy Now”即可", &[]),
            ("打开“Advanced Settings”（高级设置）选项卡", &[]),
            // inside a control worked, and along a path through menus
            ("单击工具栏上的“Refresh All”后等待", &[]),
            ("单击菜单栏中的“Kernel”“Restart Kernel”重启", &[]),
            ("依次点击“File” > “Export Notebook”", &[]),
            ("点击“Edit” $\\to$ “Find and Replace”", &[]),
            // a control not worked, a list of terms, a term after a label
            ("菜单栏中的“Semantic Kernel”是一个框架", &["Semantic Kernel"]),
            ("点击“Deploy Now”后，“Vector Database”会建好", &["Vector Database"]),
        ];
        assert_finds(table);
    }
}
