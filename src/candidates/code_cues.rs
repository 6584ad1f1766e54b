//! Code written as prose: identifiers of a program that a text names without code marks, known
//! by what stands around them rather than by their letters.
//!
//! * A class: a PascalCase name or a capitalised common word before a noun that names what a
//!   program builds (`Cache 类`, `Order 实例`, `Config 对象`); see [`is_class`].
//! * A variable, a call or a piece of an identifier: English right after `$` (`$HOME`), before
//!   a call's brackets (`compile()`, `size（）`), beside an underscore that joins it to more
//!   letters (`DB _ HOST`, as machine translation spaces out `DB_HOST`), or alone in braces
//!   (`{ Cache}`); see [`is_code_here`].
//! * A command: a program run with a subcommand or a flag (`git clone`, `pip install`,
//!   `npm run dev`, `ls -la`); see [`is_command`].
//! * A file: a name with the ending of a file before 文件 (`App.js 文件`).

use super::kinds::is_common_word;
use crate::model::Span;
use crate::normalize::MARK;
use crate::text::chars::is_cjk;
use crate::text::is_acronym;
use crate::text::lexicon::english::{CODE_WORDS, FILE_EXTENSIONS, NAME_DOT_SUFFIXES};
use crate::text::lexicon::is_function_word;

/// Nouns after a name that make it the name of a class of a program or of a thing it builds.
/// (类 is not 类似 "like", 类别 "category" or 类比 "analogy".)
const CLASS_NOUNS: [&str; 5] = ["类", "实例", "对象", "构造函数", "构造器"];

/// What may follow 类 in a word that is not "class".
const NOT_CLASS: [&str; 4] = ["似", "别", "比", "人"];

/// Whether the candidate ending at `end` of `view` stands before a noun that names a class or
/// what a program builds of one (`Cache 类`, `Order 实例`).
pub(super) fn is_class(view: &str, end: usize) -> bool {
    let after = view[end..].trim_start_matches(' ');
    CLASS_NOUNS.iter().any(|n| after.starts_with(n) && !NOT_CLASS.iter().any(|x| after[n.len()..].starts_with(x)))
}

/// Brackets after a name that hold this many bytes at most may hold the variables of a function.
const MAX_VARIABLES_BYTES: usize = 16;

/// A variable of a function has at most this many letters or digits (`t`, `tn`, `x1`).
const MAX_VARIABLE_LETTERS: usize = 2;

/// Nouns after a name that make it a member of a class: a property, a field.
const MEMBER_NOUNS: [&str; 4] = ["属性", "字段", "枚举", "注解"];

/// Whether the candidate ending at `end` of `view` stands before a noun that names a member of
/// a class (`MaxRetries 属性`): for names glued from common words, which a product's name
/// seldom is.
pub(super) fn is_member(view: &str, end: usize) -> bool {
    let after = view[end..].trim_start_matches(' ');
    MEMBER_NOUNS.iter().any(|n| after.starts_with(n))
}

/// Whether the candidate ending at `end` of `view` stands before 类 or a constructor, the
/// nouns that only a class takes (a product has instances too: `MySQL 实例`).
pub(super) fn is_class_strictly(view: &str, end: usize) -> bool {
    is_class(view, end) && !view[end..].trim_start_matches(' ').starts_with(['实', '对'])
}

/// Whether the candidate at `start..end` of `view` is written as code there: after `$`,
/// before a call's brackets, beside an underscore joining it to more letters, or alone in
/// braces.
pub(super) fn is_code_here(view: &str, start: usize, end: usize) -> bool {
    let (before, after) = (&view[..start], &view[end..]);
    // a variable of a shell or a template (`$HOME`, `${name}`); a piece of a path of code
    // (`std::Vec`, `App::new`)
    if before.ends_with('$') || before.ends_with("::") || after.starts_with("::") {
        return true;
    }
    // a call (`compile()`, `size（）`, `rank(input_tensor)`)
    if after.starts_with("()") || after.starts_with("（）") || after.starts_with("( )") {
        return true;
    }
    let arguments = after.strip_prefix('(').and_then(|a| a.split_once(')')).map(|(a, _)| a);
    if arguments.is_some_and(|a| {
        a.bytes().all(|b| b.is_ascii_alphanumeric() || b"_ ,=.\"'".contains(&b)) && a.contains(['_', '=', '"'])
    }) {
        return true;
    }
    // a call on one word in small letters, no alias of the name (`UFUNCTION(server)`,
    // `SUM(price)`; `NumPy(np)`, `Go(golang)` give an alias)
    if arguments.is_some_and(|a| is_one_word_call(&view[start..end], a)) {
        return true;
    }
    // a function of one variable, spaced from it (`Discrete (n)`, `Box (k)`)
    let spaced = after.strip_prefix(" (").and_then(|a| a.split_once(')')).map(|(a, _)| a);
    if spaced.is_some_and(|a| a.len() == 1 && a.bytes().all(|b| b.is_ascii_lowercase())) {
        return true;
    }
    // a function of variables (`Temp(t + 1)`, `Loss（x, y）`)
    let variables = after
        .strip_prefix(['(', '（'])
        .and_then(|a| a.split_once([')', '）']))
        .map(|(a, _)| a)
        .filter(|a| a.len() <= MAX_VARIABLES_BYTES && !a.trim().is_empty());
    if variables.is_some_and(|a| {
        a.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b" +-*/,".contains(&b))
            && a.split([' ', '+', '-', '*', '/', ',']).all(|v| v.len() <= MAX_VARIABLE_LETTERS)
            // (a letter: `TD(0)` is a method's name, not one of its values)
            && a.bytes().any(|b| b.is_ascii_lowercase())
            // (not one short word: an alias, `NumPy（np）`)
            && (a.trim().len() == 1 || a.contains(|c: char| c.is_ascii_digit() || " +-*/,".contains(c)))
    }) {
        return true;
    }
    // a key given a value (`esp32s3="32 MB"`, `retries=3`; a measure in capitals is one of
    // prose: `RPO=0`)
    let lowercase = || !view[start..end].bytes().any(|b| b.is_ascii_uppercase());
    if after
        .strip_prefix('=')
        .is_some_and(|v| v.starts_with(['"', '\'']) || lowercase() && v.starts_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    // a piece of an identifier joined by an underscore, spaced out or escaped or not
    // (`DB _ HOST`, `MAX\_SIZE`)
    let gap = |c: char| c == ' ' || c == char::from(MARK);
    let joined_after = after
        .trim_start_matches(gap)
        .strip_prefix('_')
        .is_some_and(|a| a.trim_start_matches(gap).starts_with(|c: char| c.is_ascii_alphanumeric()));
    let joined_before = before
        .trim_end_matches(gap)
        .strip_suffix('_')
        .is_some_and(|b| b.trim_end_matches(gap).ends_with(|c: char| c.is_ascii_alphanumeric()));
    if joined_after || joined_before {
        return true;
    }
    // a flag of a command, its dash touching it (`-oA outputfile`, `--tag witness`, and
    // `–tag` where machine translation made a dash of `--`), after a space or a quote
    let flagged = before.strip_suffix(['-', '–']).map(|b| b.strip_suffix('-').unwrap_or(b));
    if flagged.is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n', '\'', '"', '`', '(', '（', '“'])) {
        return true;
    }
    // a variable of the Windows shell (`%SYSTEMROOT%`, spaced or not), a piece of a path
    // after a backslash (`C:\ Users`)
    let (opened, closed) = (before.trim_end_matches(' '), after.trim_start_matches(' '));
    if opened.ends_with('%') && closed.starts_with('%') || opened.ends_with('\\') {
        return true;
    }
    // a parameter of a function, its type before its name, in the brackets of a signature
    // (`倒数(int number)`, `求和(int a, int b)`)
    if is_typed_parameter(before, &view[start..end], after) {
        return true;
    }
    // a function of a variable and more, as a reference lists it (`Cosh(x, name)`, `Log1p(x，
    // 名称)`), and an argument of a call of code (`torch.dot(vector1, vector2)`)
    if is_called_on_a_variable(after) || is_argument(before, &view[start..end], after) {
        return true;
    }
    // the name of a field or an option of reStructuredText, alone between colons at the
    // start of its line (`:align: center`, `:maxdepth: 2`)
    let line_before = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
    if after.starts_with(':') && line_before.strip_suffix(':').is_some_and(|b| b.trim().is_empty()) {
        return true;
    }
    // the label of a numbered item of a tracker (`issue #458`, `PR #12`, `bug#7`): a
    // reference to it, not a term
    let numbered = after.trim_start_matches(' ').strip_prefix('#');
    if numbered.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())) {
        return true;
    }
    // an element of HTML before the noun for one (`script 标签`, `<video> 元素`)
    if is_html_element(&view[start..end], after) {
        return true;
    }
    // the kind of a label for cross-references, in brackets with the label (`(eq:one)`,
    // `(fig:loss-curve)`, after display math or a figure)
    if before.ends_with('(') && is_label_rest(after) {
        return true;
    }
    // alone in braces, as a link of documentation comments leaves it (`{@link Cache}`, `{ Cache}`)
    let opened = before.trim_end_matches(' ');
    (opened.ends_with('{') || opened.ends_with("{@link") || opened.ends_with("{@code"))
        && after.trim_start_matches(' ').starts_with('}')
}

/// Whether `after` (the text after a word) is the rest of a label for cross-references: a
/// colon, the label's name with no space, and the closing bracket (`:one)`, `:loss-curve)`).
fn is_label_rest(after: &str) -> bool {
    after.strip_prefix(':').and_then(|r| r.split_once(')')).is_some_and(|(name, _)| {
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    })
}

/// Elements of HTML whose names are also words, or are written in prose as tags.
const HTML_ELEMENTS: &[&str] = &[
    "a", "audio", "body", "button", "canvas", "details", "dialog", "div", "footer", "form", "head", "header", "html",
    "iframe", "img", "input", "label", "li", "link", "main", "meta", "nav", "ol", "option", "p", "picture", "script",
    "section", "select", "slot", "source", "span", "style", "summary", "svg", "table", "template", "textarea", "title",
    "ul", "video",
];

/// Nouns of an element of markup: a tag, an element.
const ELEMENT_NOUNS: [&str; 3] = ["标签", "元素", "tag"];

/// Whether `text`, in small letters, names an element of HTML ([`HTML_ELEMENTS`]) and `after`
/// it says it is one (`script 标签`): markup, not a term.
fn is_html_element(text: &str, after: &str) -> bool {
    let after = after.trim_start_matches([' ', '>']);
    text.bytes().all(|b| b.is_ascii_lowercase())
        && HTML_ELEMENTS.binary_search(&text).is_ok()
        && ELEMENT_NOUNS.iter().any(|n| after.starts_with(n))
}

/// Whether `name(argument)` is a call of code on one argument: a word in small letters (and
/// digits or underscores), two letters or more, that is no alias of the name, whose letters
/// neither hold the other's in order (`NumPy(np)`, `Go(golang)`, `K8s(kubernetes)` are
/// aliases).
fn is_one_word_call(name: &str, argument: &str) -> bool {
    let word = argument.len() >= 2
        && argument.starts_with(|c: char| c.is_ascii_lowercase())
        && argument.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    let letters =
        |w: &str| w.bytes().filter(u8::is_ascii_alphabetic).map(|b| b.to_ascii_lowercase()).collect::<Vec<u8>>();
    let (n, a) = (letters(name), letters(argument));
    let holds = |long: &[u8], short: &[u8]| {
        let mut rest = long.iter();
        short.iter().all(|c| rest.any(|l| l == c))
    };
    word && !name.contains(' ') && !holds(&n, &a) && !holds(&a, &n)
}

/// Whether `after` a candidate opens the arguments of a call whose first is a variable of a
/// letter or two, with more after a comma (`(x, name)`, `(x，名称)`): the candidate names a
/// function. (`BLEU(bilingual evaluation understudy)` glosses; one letter alone is
/// [`is_code_here`]'s function of variables.)
fn is_called_on_a_variable(after: &str) -> bool {
    let Some(args) = after.strip_prefix('(') else { return false };
    let Some((first, _)) = args.split_once([',', '，']) else { return false };
    let first = first.trim();
    (1..=MAX_VARIABLE_LETTERS).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether a candidate between `before` and `after` is an argument of a call of code: the
/// brackets touch a name written as code (with a dot or an underscore, or opening in small
/// letters: `cv2.bitwise_and(`, `settrackbarPos(`), only plain arguments come between the
/// bracket and the candidate, and a comma or the closing bracket follows it.
fn is_argument(before: &str, text: &str, after: &str) -> bool {
    let closes = after.trim_start_matches(' ').starts_with([',', '，', ')']);
    if !closes {
        return false;
    }
    let arg = |b: u8| b.is_ascii_alphanumeric() || b" _.,\"'".contains(&b);
    // back over the arguments before the candidate (full-width commas are three bytes), on
    // its line: a line break is no argument's
    let plain = before.trim_end_matches(|c: char| c == '，' || c.is_ascii() && arg(c as u8));
    let Some(called) = plain.strip_suffix('(') else { return false };
    let name_len = called.bytes().rev().take_while(|b| b.is_ascii_alphanumeric() || b"_.".contains(b)).count();
    let name = &called[called.len() - name_len..];
    // (the one argument of a call on a word: `UFUNCTION(server)`)
    let alone = plain.len() == before.len() && after.starts_with(')');
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && (name.contains(['.', '_'])
            || name.starts_with(|c: char| c.is_ascii_lowercase())
            || alone && is_one_word_call(name, text))
}

/// Types of programming languages that a signature writes before a parameter's name, and
/// that are no words of English (`double precision`, `long integer` are terms).
const PARAMETER_TYPES: &[&str] = &[
    "int", "char", "bool", "boolean", "void", "String", "str", "usize", "isize", "i32", "i64", "u8", "u32", "u64",
    "f32", "f64",
];

/// Whether `text`, with `before` and `after` it, is a parameter of a signature: a type of
/// [`PARAMETER_TYPES`] and a name (`int number`), or the type with the name after it
/// (`int` of `int a`), standing alone between a bracket or comma and another.
fn is_typed_parameter(before: &str, text: &str, after: &str) -> bool {
    let opens = before.trim_end_matches(' ').ends_with(['(', '（', ',', '，']);
    let is_name = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            // (a letter is a variable's name: `int a`)
            && (w.len() == 1 || !is_function_word(w))
    };
    let closes = |rest: &str| rest.trim_start_matches(' ').starts_with([')', '）', ',', '，']);
    let (ty, rest) = match text.split_once(' ') {
        Some((ty, name)) if is_name(name) && !name.contains(' ') => (ty, after),
        Some(_) => return false,
        None => {
            let Some(name_and_rest) = after.strip_prefix(' ') else { return false };
            let name_len =
                name_and_rest.find(|c: char| !c.is_ascii_alphanumeric() && c != '_').unwrap_or(name_and_rest.len());
            if !is_name(&name_and_rest[..name_len]) {
                return false;
            }
            (text, &name_and_rest[name_len..])
        }
    };
    opens && PARAMETER_TYPES.contains(&ty) && closes(rest)
}

/// Whether a candidate that ends as a name of a file does (`App.js`, `Main.py`) names one
/// there: 文件 follows it.
pub(super) fn is_file_here(text: &str, view: &str, end: usize) -> bool {
    let Some((head, ext)) = text.rsplit_once('.') else {
        return false;
    };
    let ext = ext.to_ascii_lowercase();
    !head.is_empty()
        && (FILE_EXTENSIONS.contains(&ext.as_str()) || NAME_DOT_SUFFIXES.contains(&ext.as_str()))
        && file_after(view, end)
}

/// A format, after an extension that names it (`json 格式`), as 文件 names a file.
const FORMAT: &str = "格式";

/// Whether a candidate is a file-name extension in lowercase used as a word for a kind of
/// file: before 文件 or 格式 (`md文件`, `ipynb 格式`), or after its dot alone (`后缀“.ipynb”`),
/// as a file's name ends. In capitals it names a format (`JSON 文件`).
pub(super) fn is_extension_here(text: &str, view: &str, span: Span) -> bool {
    if !text.bytes().all(|b| b.is_ascii_lowercase()) || !FILE_EXTENSIONS.contains(&text) {
        return false;
    }
    let kind_after = view[span.end..].trim_start_matches(' ').starts_with(FORMAT) || file_after(view, span.end);
    // (a dot after a word is a name's: `Node.js`)
    let dotted = view[..span.start]
        .strip_suffix('.')
        .is_some_and(|b| !b.chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_'));
    kind_after || dotted
}

/// Whether 文件 follows `end` (spaces between), and not as 文件系统.
fn file_after(view: &str, end: usize) -> bool {
    view[end..].trim_start_matches(' ').strip_prefix("文件").is_some_and(|a| !a.starts_with("系统"))
}

/// Programs of the command line that are run with a subcommand (`git clone`, `npm install`).
const PROGRAMS: &[&str] = &[
    "apt",
    "apt-get",
    "brew",
    "bundle",
    "cargo",
    "composer",
    "conda",
    "docker",
    "docker-compose",
    "dotnet",
    "gcloud",
    "gem",
    "git",
    "go",
    "gradle",
    "helm",
    "kubectl",
    "minikube",
    "mvn",
    "ng",
    "npm",
    "npx",
    "pip",
    "pip3",
    "pipenv",
    "pnpm",
    "poetry",
    "rustup",
    "snap",
    "systemctl",
    "terraform",
    "yarn",
    "yum",
    "dnf",
    "sudo",
    "vagrant",
    "heroku",
    "az",
    "aws",
    "firebase",
    "flutter",
    "rails",
    "django-admin",
    "php",
    "python",
    "python3",
    "node",
    "deno",
    "bun",
];

/// Subcommands that those programs run.
const SUBCOMMANDS: &[&str] = &[
    "add",
    "apply",
    "build",
    "checkout",
    "clone",
    "commit",
    "config",
    "create",
    "delete",
    "deploy",
    "describe",
    "dev",
    "diff",
    "disable",
    "enable",
    "exec",
    "fetch",
    "get",
    "init",
    "install",
    "list",
    "log",
    "login",
    "logs",
    "ls",
    "merge",
    "new",
    "publish",
    "pull",
    "push",
    "rebase",
    "remove",
    "reset",
    "restart",
    "rm",
    "run",
    "serve",
    "start",
    "status",
    "stop",
    "tag",
    "test",
    "uninstall",
    "update",
    "upgrade",
    "version",
    "manage.py",
    "-m",
];

/// Whether `text` is a command: a program of the command line, then a subcommand or a flag,
/// all in lowercase (`git clone`, `pip install requests`, `npm run dev`), or a change of
/// directory (`cd src`).
pub(super) fn is_command(text: &str) -> bool {
    let mut words = text.split(' ');
    let (Some(program), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let third = words.next();
    // a change of directory into any folder (`cd os`), or, in the capitals machine
    // translation may give it, into a path (`CD rCore-v3`; `CD pipeline` is continuous
    // delivery's)
    let path = |w: &str| w.contains(['-', '/', '.', '_']) || w.bytes().any(|b| b.is_ascii_digit());
    if (program == "cd" && !is_common_word(second) || program.eq_ignore_ascii_case("cd") && path(second))
        && !is_acronym(second)
        && third.is_none()
    {
        return true;
    }
    // (`sudo` runs any command; a program that is no English word, with two words after it,
    // runs a subcommand of a service: `az postgres server restart`; `go to the` is English)
    let more = || program == "sudo" || third.is_some() && !is_common_word(program);
    PROGRAMS.contains(&program)
        && (SUBCOMMANDS.contains(&second) || second.starts_with('-') || more())
        && !text.bytes().any(|b| b.is_ascii_uppercase())
        && !text.chars().any(is_cjk)
}

/// Keywords of code that declare what the next word names (`func PrintInfo`, `def train`,
/// `let model`): words of English prose seldom.
const DECLARING_KEYWORDS: &[&str] = &["func", "def", "fn", "var", "const", "let", "impl", "struct", "enum"];

/// Pronouns after `let` in English (`let us`, `let them`).
const OBJECTS: [&str; 7] = ["us", "me", "it", "him", "her", "them", "you"];

/// Keywords that make a class the kind of another (`TreeMap extends AbstractMap`,
/// `implements Runnable`): before a capitalised name, words of code only.
const INHERITING_KEYWORDS: [&str; 3] = ["extends", "implements", "super"];

/// The keyword that makes an object of a class (`new ArrayList`): before a name glued of
/// words (an inner capital), code; before a word (`new York`, `new Transformer`), English.
const CONSTRUCTING_KEYWORD: &str = "new";

/// Whether `w` is glued of capitalised words, as class names of code are (`ArrayList`,
/// `MyClass`), a capital inside after lowercase letters.
fn is_glued_name(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.bytes().all(|b| b.is_ascii_alphanumeric())
        && w.as_bytes().windows(2).any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
}

/// What the classes of examples in code are named after, behind `My` (`MyClass`,
/// `MyString`, `MyService`): `MyBatis`, `MySQL`, `MyEclipse` are products.
const EXAMPLE_CLASS_NOUNS: &[&str] = &[
    "Class",
    "String",
    "Object",
    "List",
    "Map",
    "Set",
    "Type",
    "Component",
    "Service",
    "App",
    "Application",
    "Module",
    "Function",
    "Method",
    "Interface",
    "Thread",
    "Task",
    "Handler",
    "Controller",
    "Model",
    "View",
    "Button",
    "Widget",
    "Plugin",
    "Test",
    "Data",
    "Bean",
    "Entity",
    "Record",
    "Struct",
    "Enum",
    "Array",
    "Value",
    "Item",
    "Element",
    "Node",
    "Event",
    "Listener",
    "Callback",
    "Exception",
    "Error",
    "Runnable",
    "Activity",
];

/// Whether `w` names a class of an example: `My` and a noun of [`EXAMPLE_CLASS_NOUNS`].
pub(super) fn is_example_class(w: &str) -> bool {
    w.strip_prefix("My").is_some_and(|rest| EXAMPLE_CLASS_NOUNS.contains(&rest))
}

/// Modifiers of a declaration in Java, C# and C++ (`private int count`, `volatile Node`):
/// words of English too (`private key`, `static analysis`), so code only before a type.
const MODIFIERS: [&str; 9] =
    ["private", "public", "protected", "static", "final", "volatile", "abstract", "synchronized", "transient"];

/// Whether `w` names a type in a declaration: a keyword of code (`int`, `void`) or a name
/// capitalised with lowercase letters after (`Node`, `String`; not an acronym, `static IP`).
fn is_type_name(w: &str) -> bool {
    let mut b = w.bytes();
    let capitalised = b.next().is_some_and(|c| c.is_ascii_uppercase()) && b.any(|c| c.is_ascii_lowercase());
    capitalised && w.bytes().all(|c| c.is_ascii_alphanumeric()) || CODE_WORDS.contains(&w)
}

/// Whether `text` holds a declaration of code: a keyword of [`DECLARING_KEYWORDS`] before a
/// name (`Sprintf func PrintGood`), not before a function word (`let us`); a class declared the
/// kind of another (`HashMap extends AbstractMap`, `? super Number`); a modifier before a type
/// (`private int ticket`, `volatile Node`); an object made of a class (`new ArrayList`).
pub(super) fn declares(text: &str) -> bool {
    let mut words = text.split(' ').peekable();
    while let Some(w) = words.next() {
        let next = words.peek().copied();
        if INHERITING_KEYWORDS.contains(&w) && next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_uppercase())) {
            return true;
        }
        if w == CONSTRUCTING_KEYWORD && next.is_some_and(is_glued_name) {
            return true;
        }
        if MODIFIERS.contains(&w) && next.is_some_and(is_type_name) {
            return true;
        }
        if DECLARING_KEYWORDS.contains(&w)
            && words.peek().is_some_and(|n| {
                n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                    && !is_function_word(n)
                    && !OBJECTS.contains(n)
            })
        {
            return true;
        }
    }
    false
}

/// Whether `text` imports a module, as code does: `import` between two words in lowercase
/// (`scipy import misc`), or before a name with a digit, a dot or an underscore (`import
/// cv2`). (`import map` and `dynamic import` are terms.)
pub(super) fn imports(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    let Some(k) = words.iter().position(|w| *w == "import") else { return false };
    let Some(next) = words.get(k + 1) else { return false };
    let lowercase = !text.bytes().any(|b| b.is_ascii_uppercase());
    k > 0 && lowercase || next.bytes().any(|b| b.is_ascii_digit() || b == b'.' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The span of `word` in `text` (its first occurrence).
    fn at(text: &str, word: &str) -> (usize, usize) {
        let s = text.find(word).unwrap();
        (s, s + word.len())
    }

    #[test]
    fn the_elements_of_html_are_sorted() {
        assert!(super::HTML_ELEMENTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn classes_are_named_by_the_noun_after_them() {
        for (text, word, class) in [
            ("我们在 OrderService 类中加一个方法", "OrderService", true),
            ("每个 Order 实例都有编号", "Order", true),
            ("传入一个 Config 对象", "Config", true),
            ("调用 Cache 构造函数", "Cache", true),
            ("Redis 类似于一个字典", "Redis", false),
            ("Label 类别有三种", "Label", false),
            ("Order 表里有三列", "Order", false),
        ] {
            let (_, e) = at(text, word);
            assert_eq!(is_class(text, e), class, "{text}");
        }
    }

    #[test]
    fn variables_calls_and_pieces_of_identifiers_are_code_here() {
        for (text, word, code) in [
            ("先检查 $HOME 是否存在", "HOME", true),
            ("调用 compile() 编译模型", "compile", true),
            ("调用 compile（）编译模型", "compile", true),
            ("取值在 rank(input_tensor) 之内", "rank", true),
            ("其中 Temp（t + 1）是下一个温度", "Temp", true),
            ("从 Temp（ t-1）到 Temp(t)", "Temp", true),
            ("损失 Loss(x, y) 越小越好", "Loss", true),
            ("强化学习（reinforcement learning）很火", "learning", false),
            ("大语言模型 LLM（large language model）很火", "LLM", false),
            ("用 GPT（ML）做", "GPT", false),
            ("导入 NumPy（np）和 pandas", "NumPy", false),
            ("方法 TD(0) 与 TD(1) 不同", "TD", false),
            ("设置 DB _ HOST 和端口", "DB", true),
            ("设置 DB _ HOST 和端口", "HOST", true),
            ("设置 DB_HOST 和端口", "HOST", true),
            ("调用 std::Vec 与 App::new", "std", true),
            ("调用 std::Vec 与 App::new", "Vec", true),
            ("调用 std::Vec 与 App::new", "App", true),
            // (an escaped underscore, its backslash masked)
            ("设置 MAX\u{1e}_SIZE 和端口", "MAX", true),
            ("设置 MAX\u{1e}_SIZE 和端口", "SIZE", true),
            ("例如 esp32s3=\"32 MB\" 这样写", "esp32s3", true),
            ("把 retries=3 写进配置", "retries", true),
            ("当 F1 = 0.9 时", "F1", false),
            ("满足容灾标准（RPO=0，RTO< 8s）", "RPO", false),
            ("例如 { Cache}不保证持久", "Cache", true),
            ("例如 {@link Cache} 不保证持久", "Cache", true),
            ("你可以借助 script 标签引入库", "script", true),
            ("修复崩溃问题 (issue #458)", "issue", true),
            ("合并了 PR #12 的改动", "PR", true),
            ("第 3 个 issue 很难", "issue", false),
            ("用 C# 写", "C", false),
            (".. figure:: board.png\n   :align: center\n   :alt: 开发板\n", "align", true),
            (".. figure:: board.png\n   :align: center\n   :alt: 开发板\n", "alt", true),
            ("注意：Kafka: 一个消息队列", "Kafka", false),
            ("页面里的 <video> 元素可以播放", "video", true),
            // the kind of a label for cross-references, in brackets with its name
            ("$$ (eq:one)", "eq", true),
            ("见下图 (fig:loss-curve)", "fig", true),
            ("用 (Redis: 缓存) 保存", "Redis", false),
            ("一个 Template 标签", "Template", false),
            ("每个样本有一个 one-hot 标签", "one-hot", false),
            ("这段 script 很短", "script", false),
            // prose around English is not code
            ("模型 BERT (Devlin et al., 2019) 很有名", "BERT", false),
            ("变压器（Transformer）很有名", "Transformer", false),
            ("价格是 $5，用 Stripe 支付", "Stripe", false),
            ("我们用 Redis 做缓存", "Redis", false),
            ("下划线 _ 与 Redis 无关", "Redis", false),
        ] {
            let (s, e) = at(text, word);
            assert_eq!(is_code_here(text, s, e), code, "{text}: {word}");
        }
    }

    #[test]
    fn flags_shell_variables_and_pieces_of_paths_are_code() {
        let table: &[(&str, &str, bool)] = &[
            ("'-oA outputfile 将结果输出到文件", "oA outputfile", true),
            ("docker build --tag witness 即可", "tag witness", true),
            ("运行 –IP 192 参数", "IP", true),
            ("% SYSTEMROOT % 目录下", "SYSTEMROOT", true),
            ("%APPDATA%\\ 目录下", "APPDATA", true),
            ("路径是 C:\\ Users 下面", "Users", true),
            // a dash between words, a bullet, a range: no flag
            ("这是 Type-C 接口", "C", false),
            ("- Kubernetes 是编排工具", "Kubernetes", false),
            ("支持 3-GPU 训练", "GPU", false),
            ("占用 50% CPU 时间", "CPU", false),
        ];
        for (text, word, want) in table {
            let (s, e) = at(text, word);
            assert_eq!(is_code_here(text, s, e), *want, "{word} in {text}");
        }
    }

    #[test]
    fn functions_of_variables_and_arguments_of_calls_are_code() {
        for (text, word, want) in [
            ("Cosh(x, name)", "Cosh", true),
            ("Log1p(x，名称)", "Log1p", true),
            ("torch.dot(vector1，vector2)", "vector2", true),
            ("settrackbarPos(trackbar name，winname，pos)", "trackbar name", true),
            ("cv2.bitwise_and(source，mask)", "mask", true),
            // glosses, citations and asides in brackets are prose
            ("BLEU(bilingual evaluation understudy)", "BLEU", false),
            ("CRM(Customer Relationship Management, 客户关系管理)", "Customer Relationship Management", false),
            ("Transformer(Vaswani et al., 2017)", "Vaswani", false),
            ("模型(model, 即函数)", "model", false),
            // a call on one word in small letters, both code; an alias in brackets is prose
            ("客户端调用标记 UFUNCTION(server) 的方法", "UFUNCTION", true),
            ("客户端调用标记 UFUNCTION(server) 的方法", "server", true),
            ("用 SUM(price) 求和", "SUM", true),
            ("导入 NumPy(np) 库", "NumPy", false),
            ("学习 Go(golang) 语言", "Go", false),
            ("部署 K8s(kubernetes) 集群", "K8s", false),
            ("部署 K8s(kubernetes) 集群", "kubernetes", false),
        ] {
            let (s, e) = at(text, word);
            assert_eq!(is_code_here(text, s, e), want, "{word} in {text}");
        }
    }

    #[test]
    fn typed_parameters_in_a_signature_are_code() {
        let table: &[(&str, &str, bool)] = &[
            ("编写一个倒数(int number)方法", "int number", true),
            ("定义求和(int a, int b)即可", "int", true),
            ("调用读取（String path）得到内容", "String path", true),
            ("参数为(float rate，bool verbose)", "bool verbose", true),
            ("长整型（long integer）更大", "long integer", false),
            // not a signature: the words stand in prose, or the name is no identifier
            ("双精度（double precision）更慢", "double precision", false),
            ("这是 long tail 问题", "long tail", false),
            ("长期（long term）来看", "long term", false),
            ("整数（int）类型", "int", false),
        ];
        for (text, word, want) in table {
            let (s, e) = at(text, word);
            assert_eq!(is_code_here(text, s, e), *want, "{word} in {text}");
        }
    }

    #[test]
    fn members_are_named_by_the_noun_after_them() {
        for (text, word, member) in [
            ("调整 LinearDamping 属性即可", "LinearDamping", true),
            ("读取 CreatedAt 字段", "CreatedAt", true),
            ("用 PowerShell 脚本部署", "PowerShell", false),
        ] {
            let (_, e) = at(text, word);
            assert_eq!(is_member(text, e), member, "{text}");
        }
    }

    #[test]
    fn declarations_are_keywords_before_names() {
        for (text, code) in [
            ("func PrintInfo", true),
            ("Sprintf func PrintGood", true),
            ("def train", true),
            ("let model", true),
            ("let us", false),
            ("function PrintInfo", false),
            ("loss function", false),
            ("TreeMap extends AbstractMap", true),
            ("implements Runnable", true),
            ("private int ticket", true),
            ("volatile Node", true),
            ("public static void", true),
            // words of English, or a modifier before a term's noun or an acronym
            ("private key", false),
            ("static analysis", false),
            ("public cloud", false),
            ("static IP", false),
            ("extends beyond", false),
        ] {
            assert_eq!(declares(text), code, "{text}");
        }
    }

    #[test]
    fn commands_are_programs_with_a_subcommand_or_a_flag() {
        for (text, command) in [
            ("git clone", true),
            ("pip install requests", true),
            ("npm run dev", true),
            ("docker -v", true),
            ("python -m venv", true),
            // a program named in a term, or a word that only looks like one
            ("git repository", false),
            ("docker image", false),
            ("go to", false),
            ("Git clone", false),
            ("git", false),
            ("sudo pkg", true),
            ("az postgres server restart", true),
            ("kubectl get pods", true),
            ("go to the", false),
            ("cd os", true),
            ("cd rCore-Tutorial-v3", true),
            ("CD beanshooter-2", true),
            ("CD pipeline", false),
            ("CD ROM", false),
        ] {
            assert_eq!(is_command(text), command, "{text}");
        }
    }

    #[test]
    fn names_ending_as_files_name_files_before_wenjian() {
        for (text, word, file) in [
            ("打开 App.js 文件", "App.js", true),
            ("打开 Main.py 文件", "Main.py", true),
            ("我们用 Node.js 写服务", "Node.js", false),
            ("用 Node.js 文件系统模块读写", "Node.js", false),
            ("打开 Redis 文件", "Redis", false),
        ] {
            let (_, e) = at(text, word);
            assert_eq!(is_file_here(word, text, e), file, "{text}");
        }
    }

    #[test]
    fn extensions_in_lowercase_name_kinds_of_files() {
        for (text, word, file) in [
            ("提交 yaml文件，而不是 toml 文件", "yaml", true),
            ("提交 yaml文件，而不是 toml 文件", "toml", true),
            ("笔记本用 ipynb 格式保存", "ipynb", true),
            ("它们的后缀是“.yaml”", "yaml", true),
            // in capitals a format, before other words a word, after a name's dot a name
            ("把 CSV 文件读进来", "CSV", false),
            ("用 rust 写，再用 json 序列化", "json", false),
            ("见 toml 文件系统的说明", "toml", false),
            ("调用 config.yaml 与 Vue.js", "js", false),
        ] {
            let (s, e) = at(text, word);
            assert_eq!(is_extension_here(word, text, Span::new(s, e)), file, "{text}");
        }
    }
}
