//! Characters: which script a character belongs to, and full-width forms folded.

/// `text` safe to print on a terminal: control characters (a line break, an escape that
/// would start a colour or move the cursor) written as escapes (`\n`, `\u{1b}`).
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(char::is_control) {
        return text.into();
    }
    text.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// Start of the char before byte `i` (which must be a char boundary > 0).
pub(crate) fn prev_char_start(s: &str, i: usize) -> usize {
    let mut j = i - 1;
    while !s.is_char_boundary(j) {
        j -= 1;
    }
    j
}

/// Whether `c` is a CJK ideograph (the script of the Chinese terms).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ebef}' | '〇')
}

/// Folds full-width ASCII (`（`, `，`, `Ａ`) and the ideographic space to half-width, for
/// comparisons. Other characters are returned unchanged.
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Traditional characters of the function words, measure words and common verbs that bound
/// Chinese terms, with their simplified forms (為 为, 於 于, 個 个), sorted: text written in
/// traditional characters is read with the same lists.
const TRADITIONAL: [(char, char); 101] = [
    ('並', '并'),
    ('併', '并'),
    ('來', '来'),
    ('係', '系'),
    ('個', '个'),
    ('們', '们'),
    ('僅', '仅'),
    ('內', '内'),
    ('兩', '两'),
    ('則', '则'),
    ('卻', '却'),
    ('問', '问'),
    ('嗎', '吗'),
    ('執', '执'),
    ('實', '实'),
    ('將', '将'),
    ('對', '对'),
    ('導', '导'),
    ('層', '层'),
    ('屬', '属'),
    ('幾', '几'),
    ('張', '张'),
    ('後', '后'),
    ('從', '从'),
    ('慮', '虑'),
    ('應', '应'),
    ('採', '采'),
    ('換', '换'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('會', '会'),
    ('條', '条'),
    ('極', '极'),
    ('構', '构'),
    ('樣', '样'),
    ('決', '决'),
    ('沒', '没'),
    ('為', '为'),
    ('無', '无'),
    ('獲', '获'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('當', '当'),
    ('發', '发'),
    ('種', '种'),
    ('稱', '称'),
    ('組', '组'),
    ('結', '结'),
    ('給', '给'),
    ('經', '经'),
    ('縮', '缩'),
    ('總', '总'),
    ('臺', '台'),
    ('與', '与'),
    ('著', '着'),
    ('藉', '借'),
    ('處', '处'),
    ('號', '号'),
    ('裏', '里'),
    ('裝', '装'),
    ('裡', '里'),
    ('見', '见'),
    ('覺', '觉'),
    ('許', '许'),
    ('該', '该'),
    ('認', '认'),
    ('說', '说'),
    ('談', '谈'),
    ('證', '证'),
    ('變', '变'),
    ('讓', '让'),
    ('較', '较'),
    ('載', '载'),
    ('輪', '轮'),
    ('轉', '转'),
    ('這', '这'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('還', '还'),
    ('邊', '边'),
    ('釋', '释'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('際', '际'),
    ('雖', '虽'),
    ('難', '难'),
    ('項', '项'),
    ('須', '须'),
    ('頭', '头'),
    ('類', '类'),
    ('顯', '显'),
    ('體', '体'),
    ('麼', '么'),
    ('麽', '么'),
    ('點', '点'),
];

/// The simplified form of `c` where [`TRADITIONAL`] lists it; `c` otherwise.
pub(crate) fn simplified(c: char) -> char {
    // (every listed character is an ideograph: others are never looked up)
    if c < '\u{4e00}' {
        return c;
    }
    TRADITIONAL.binary_search_by_key(&c, |p| p.0).map_or(c, |i| TRADITIONAL[i].1)
}

/// `word` in simplified characters where [`TRADITIONAL`] lists any of its characters.
pub(crate) fn simplified_word(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().all(|c| simplified(c) == c) {
        return word.into();
    }
    word.chars().map(simplified).collect::<String>().into()
}

/// Whether the characters of `part` occur in `whole` in the same order, not necessarily side
/// by side (持续集成 in 持续自动集成).
pub(crate) fn in_order(part: impl IntoIterator<Item = char>, whole: impl IntoIterator<Item = char>) -> bool {
    let mut rest = whole.into_iter();
    part.into_iter().all(|c| rest.any(|w| w == c))
}

#[cfg(test)]
mod tests {
    #[test]
    fn traditional_characters_are_sorted_and_differ_from_their_simplified_forms() {
        assert!(super::TRADITIONAL.windows(2).all(|p| p[0].0 < p[1].0));
        assert!(super::TRADITIONAL.iter().all(|(t, s)| t != s));
        assert_eq!(super::simplified_word("為了"), "为了");
        assert_eq!(super::simplified_word("模型"), "模型");
    }

    use super::*;

    #[test]
    fn characters_in_order() {
        assert!(in_order("持续集成".chars(), "持续自动集成".chars()));
        assert!(!in_order("集成持续".chars(), "持续自动集成".chars()));
        assert!(in_order("".chars(), "甲".chars()));
    }

    #[test]
    fn full_width_folds_to_half_width() {
        assert_eq!(fold('（'), '(');
        assert_eq!(fold('Ａ'), 'A');
        assert_eq!(fold('\u{3000}'), ' ');
        assert_eq!(fold('中'), '中');
    }

    #[test]
    fn printable_escapes_control_characters_only() {
        assert_eq!(printable("注意力 attention"), "注意力 attention");
        assert_eq!(printable("a\nb\u{1b}[31mc\t"), "a\\nb\\u{1b}[31mc\\t");
    }

    #[test]
    fn cjk() {
        assert!(is_cjk('中') && is_cjk('〇') && is_cjk('\u{20000}'));
        assert!(!is_cjk('A') && !is_cjk('（') && !is_cjk('。'));
    }
}
