#!/usr/bin/env python3
"""Builds the mined reference (glossary/mined.csv) from a corpus-scale glossary.

Input: the CSV of `termbridge extract --pair-counts` (or of `examples/spark/mine.py ...
-- --pair-counts`) over a corpus, and the curated reference. Output: the (English, Chinese)
pairs that the corpus glosses in at least --min-documents inputs, one row per English in the
glossary's format (its Chinese separated by `|`, the most documents first, and `documents`
and `glosses` in the same order), minus

* pairs the curated reference already has (same English or acronym, same Chinese);
* pairs whose Chinese another English term has too, when the two share no word and neither
  is the other's acronym, and the other is in the curated reference (`PIP` glossed with the
  Chinese of `package manager`) or is another expansion of the pair's acronym (an acronym
  resolved to the wrong words: `cross-validation` glossed with the Chinese of `CV`,
  computer vision);
* pairs whose Chinese is the end of a longer rendering known for the same English or its
  acronym (`CKA` glossed with 管理员 and with 认证 Kubernetes 管理员): a gloss cut short;
* pairs whose Chinese renders only part of a multi-word English (`AWS CLI` glossed with
  the Chinese of `CLI`): the Chinese is a known rendering (curated or mined) of a shorter
  run of the English words, so the name the English has is missing from it;
* pairs whose English is a code of letters and digits joined by a hyphen (`XYZ-C01`), or of
  capitals with a last part of one capital (`XYZ-A`): names kept in English, glossed with a
  description rather than a translation;
* pairs whose Chinese has no Chinese character, or a character no term has (a phonetic
  mark, a bracket);
* pairs whose English is one or two small letters: a variable (`xi`), not a term; and
  pairs whose English is words of one or two letters: a unit (`mm Hg` glossed with 舒张压);
* pairs of an acronym of three letters or more whose Chinese has fewer characters (and
  Latin words) than the acronym has letters: a gloss cut short (`CAS` with 交换, the end
  of 比较和交换);
* pairs whose English the curated reference has, with any Chinese: the mined tier never
  serves it, and another Chinese is another sense or a worse rendering (`RAM`, 资源访问管理器);
* pairs whose English is an identifier of code in CamelCase (`TaskManager`, `MapFunction`)
  or a literal of code (`true`, `None`): kept in English, glossed with what they do;
* pairs of a multi-word English whose Chinese renders none of the words that the word lists
  know (`Cloud Native Associate` glossed with 朝鲜中央通讯社);
* pairs of an acronym whose Chinese does not account for its letters (`letters.py`): each
  letter maps to a word of the Chinese (a Latin word, or a word that the word lists of
  termbridge or the curated reference render with an English word of that initial; one
  letter of three or more may stand for characters no list knows), or the Chinese renders a
  full form of the acronym that the corpus or the curated reference gives (each of its
  words by a word of the Chinese). `VDI` glossed with 桌面基础设施 lacks the V, `PE` with
  可执行文件 the P. An acronym whose Chinese renders a full form is written with it
  (`ARN` becomes `Amazon Resource Name`, acronym `ARN`), so that a text writing the full
  form shows which sense it means;
* pairs of one word alone (a word, or an acronym with no full form) glossed in fewer than 3
  inputs: one word has many senses, and two inputs may share a translator or a topic;
* pairs of one plain word (letters only, in lowercase, or capitalised when it is a word of
  termbridge's lists of general English: `task`, `Meaning`; not the name `Oracle`): its
  Chinese depends on its sense where it stands, which a corpus mixes, and a plain word is
  more often a word than a term;
* with `--corpus DIR`, pairs of plain words that the corpus glosses only in headings or as
  a table cell of its own (`## 后续步骤（Next steps）`, `| Meaning（含义）|`): the translation of a heading
  or a column's label, not a term;
* with `--corpus DIR`, pairs of a full English term that has an acronym when no line of the
  corpus writes the Chinese and the full English in one gloss (`中文（English）` or
  `English（中文）`): their glosses were all of the acronym, resolved to this English
  elsewhere, maybe wrongly (`安全令牌服务（STS）` is not the Spring Tool Suite). The pair is
  kept for the acronym instead (`STS`, 安全令牌服务), when the rules above let it.

    termbridge extract --pair-counts -q -o all.csv corpus/
    python3 examples/mined/build.py all.csv --corpus corpus/ -o glossary/mined.csv

A row of the glossary whose variants hold another term (`spout` merged with `bolt`) gives
only its first Chinese: the others may be the other term's.

The output is written whole (to a temporary file renamed into place) or not at all.
"""
import argparse
import csv
import difflib
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import letters as acronyms  # noqa: E402

#: A pair counts when at least this many inputs gloss it.
MIN_DOCUMENTS = 2
#: One word alone (an acronym with no full form from the corpus or the curated reference, or
#: a single word) counts when at least this many inputs gloss it: one word has many senses,
#: and two inputs that agree may share a translator or a topic (`PMI`, an institute in one
#: field and a measure in another; `fold`, 折叠 in an interface and 折 in cross-validation).
MIN_ONE_WORD_DOCUMENTS = 3
#: The columns of the output.
COLUMNS = ["english", "chinese", "abbreviation", "documents", "glosses"]
#: Two forms at least this similar (difflib's ratio of their keys) spell one term.
SAME_TERM_SIMILARITY = 0.5
#: A Chinese character (CJK unified ideographs and extension A).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: A code of letters and digits joined by a hyphen (`SAA-C02`), or of capitals with a part of
#: one capital (`CSA-A`, a level of a certification).
CODE = re.compile(r"^(?=.*\d)[A-Za-z0-9]+(-[A-Za-z0-9]+)+$|^[A-Z0-9]+(-[A-Z0-9]+)*-[A-Z]$")
#: An acronym: capitals and digits, at least MIN_ACRONYM_LETTERS capitals.
ACRONYM = re.compile(r"^[A-Z0-9]+$")
#: The shortest acronym checked against the length of its Chinese.
MIN_ACRONYM_LETTERS = 3
#: A run of Latin letters or digits inside a Chinese rendering (`JSON Web 令牌`).
LATIN_WORD = re.compile(r"[A-Za-z0-9]+")
#: A character a Chinese term is made of: Chinese, Latin letters, digits, spaces, and the
#: marks of names and compounds (`·`, `-`, `/`, `.`, `+`).
TERM_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9 ·\-/.+]")
#: An English of one or two small letters is a variable (`xi`, `ty`), not a term.
VARIABLE = re.compile(r"^[a-z]{1,2}$")
#: An English of words of one or two letters each is a unit (`mm Hg`, `kW h`), glossed with
#: what it measures.
UNIT = re.compile(r"^[A-Za-z]{1,2}( [A-Za-z]{1,2})+$")
#: An identifier of code in CamelCase: a small letter before a capital inside one word.
CAMEL = re.compile(r"^[A-Za-z]+$")
#: The shortest word of a CamelCase identifier (Task, Manager).
MIN_IDENTIFIER_PART = 3
#: A word of capitals or digits (`CI/CD`, `S2S`): letters, not a word the lists render.
CAPITALS_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Z0-9]{2,}(?![a-z])")
#: Literals of code, glossed with what they do where they stand, never translated.
CODE_LITERALS = {"true", "false", "none", "null", "nil", "undefined", "nan"}
#: The word lists of termbridge: Chinese words with the English words they render.
WORD_LISTS = ["../../src/align/usual_renderings.txt", "../../src/align/word_renderings.txt"]
#: Word separators of an English term.
WORDS = re.compile(r"[\s\-_/]+")


def key(english):
    """A loose merge key: lower case, words joined by one space, a plural -s dropped."""
    words = [w for w in WORDS.split(english.strip()) if w]
    if words:
        last = words[-1]
        if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
            words[-1] = last[:-1]
    return " ".join(words).lower()


def read_curated(path):
    """English key -> its Chinese set, and Chinese -> the (English, acronym, True) owning it."""
    known, owners = {}, {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            zh = [z.strip() for z in (row.get("chinese") or "").split("|") if z.strip()]
            english, abbreviation = row["english"].strip(), (row.get("abbreviation") or "").strip()
            for n in [english] + ([abbreviation] if abbreviation else []):
                known.setdefault(key(n), set()).update(zh)
            for z in zh:
                owners.setdefault(z, set()).add((english, abbreviation, True))
    return known, owners


def read_lexicon(curated_path, lists=None):
    """The Chinese words that render English words: termbridge's word lists and the curated
    reference's terms (one Chinese for all the words of its English: 虚拟机, virtual machine)."""
    items = []
    here = os.path.dirname(os.path.abspath(__file__))
    for name in lists if lists is not None else WORD_LISTS:
        with open(os.path.join(here, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                zh, *english = line.split()
                items.extend((zh, [w]) for w in english)
    with open(curated_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            words = acronyms.content_words(row["english"])
            items.extend((z.strip(), words) for z in (row.get("chinese") or "").split("|") if z.strip())
    return acronyms.Lexicon(items)


def read_full_forms(curated_path, pairs):
    """Acronym -> its full forms, as the curated reference and the corpus pair them."""
    out = {}
    with open(curated_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if (row.get("abbreviation") or "").strip():
                out.setdefault(row["abbreviation"].strip(), set()).add(row["english"].strip())
    for english, abbreviation, *_ in pairs:
        if abbreviation and key(abbreviation) != key(english) and spelled_by_initials(abbreviation, english):
            out.setdefault(abbreviation, set()).add(english)
    return out


#: Words an acronym may skip (`Denial of Service`, DoS or DS).
SKIPPED_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "with", "by"}


def spelled_by_initials(abbreviation, full):
    """Whether the acronym's letters, or its capitals, are the initials of the words of `full`
    (its parts in CamelCase count as words: JSON, JavaScript Object Notation; a word opening
    with ex- may give its x: JMX), with or without the small words (`DDoS`, `LoRA`; not `AKS` of `Azure Kubernetes`, whose S is no
    word's). A corpus ties an acronym to words that merely hold its letters."""
    parts = [p for w in WORDS.split(full.strip()) for p in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", w)]
    # (a word opening with ex- may give its x: JMX, Java Management Extensions)
    initial = [(p[0].lower(), "x" if p.lower().startswith("ex") else p[0].lower()) for p in parts]
    skipped = [p.lower() in SKIPPED_WORDS for p in parts]
    spellings = set()
    for pick in (0, 1):
        spellings.add("".join(i[pick] for i in initial))
        spellings.add("".join(i[pick] for i, s in zip(initial, skipped) if not s))
    letters = re.sub(r"[^A-Za-z0-9]", "", abbreviation).lower()
    capitals = "".join(c for c in abbreviation if c.isupper() or c.isdigit()).lower()
    return bool({letters, capitals} & spellings)


def is_identifier(english):
    """Whether `english` is an identifier of code in CamelCase, no acronym: two words of
    MIN_IDENTIFIER_PART letters or more glued (`TaskManager`; `CapEx` is an abbreviation)."""
    if not CAMEL.match(english) or acronyms.acronym_letters(english):
        return False
    parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", english)
    return len(parts) >= 2 and sum(len(p) >= MIN_IDENTIFIER_PART for p in parts) >= 2


def acronym_rendering(english, chinese, full_forms, lexicon):
    """For an acronym: the full form its Chinese renders (the most words first), `english`
    when its Chinese accounts for its letters without one, None when it does neither. For
    another English: `english`."""
    letters = acronyms.acronym_letters(english)
    if not letters:
        return english
    rendered = [f for f in full_forms.get(english, ()) if acronyms.renders_full_form(chinese, f, lexicon)]
    if rendered:
        return sorted(rendered, key=lambda f: (-len(acronyms.content_words(f)), f))[0]
    return english if acronyms.renders_letters(chinese, letters, lexicon) else None


def read_pairs(path):
    """Every (English, acronym, Chinese, documents, glosses) of a --pair-counts glossary."""
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for col in ("english", "chinese", "documents", "glosses"):
            if col not in (reader.fieldnames or []):
                sys.exit(f"{path}: no column `{col}` (run extract with --pair-counts)")
        for line, row in enumerate(reader, start=2):
            if not row["chinese"]:
                continue
            zh, docs, gl = (row[c].split("|") for c in ("chinese", "documents", "glosses"))
            if not len(zh) == len(docs) == len(gl):
                sys.exit(f"{path}:{line}: chinese, documents and glosses differ in length")
            # a row that merged another term (`spout` with `bolt`) may give it the other's
            # Chinese: only its first, the most glossed, is surely its own
            n = 1 if merges_other_term(row["english"], row.get("variants") or "") else len(zh)
            for z, d, g in list(zip(zh, docs, gl))[:n]:
                out.append((row["english"], row.get("abbreviation") or "", z, int(d), int(g)))
    return out


def merges_other_term(english, variants):
    """Whether a row's variants (`|`-separated) hold another term than its English: neither
    a spelling of it (similar letters) nor a short form of it (its letters in order, from
    its first: `GCs` of garbage collection, `LoRa` of Low-Rank Adaptation)."""
    target = key(english)
    for v in (v for v in variants.split("|") if v.strip()):
        k = key(v)
        if difflib.SequenceMatcher(None, k, target).ratio() >= SAME_TERM_SIMILARITY:
            continue
        short = re.sub(r"[^a-z0-9]", "", k.lower())
        short = short[:-1] if short.endswith("s") and len(short) > 2 else short
        if short and short[0] == target[:1] and is_subsequence(short, target):
            continue
        return True
    return False


def is_subsequence(short, long):
    """Whether the letters of `short` appear in `long` in order."""
    rest = iter(long)
    return all(c in rest for c in short)


def names_of(english, abbreviation):
    """The keys an English term is known by: itself and its acronym."""
    return {key(english)} | ({key(abbreviation)} if abbreviation else set())


def too_short(english, chinese):
    """Whether an acronym's Chinese has fewer characters and Latin words than the acronym has
    letters: each letter stands for a word, and a Chinese word is one character or more, so
    the gloss is cut short (`CAS` glossed with 交换, the end of 比较和交换)."""
    letters = sum(c.isalpha() for c in english)
    if not ACRONYM.match(english) or letters < MIN_ACRONYM_LETTERS:
        return False
    return len(HAN.findall(chinese)) + len(LATIN_WORD.findall(chinese)) < letters


def partial_rendering(english, chinese, known):
    """Whether `chinese` is a known rendering of a shorter run of the English words."""
    words = [w for w in WORDS.split(english.strip()) if w]
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if j - i == len(words):
                continue
            if chinese in known.get(key(" ".join(words[i:j])), ()):
                return True
    return False


def reason(pair, curated, owners, known, lexicon=None):
    """Why a pair is left out, or None."""
    english, abbreviation, chinese, _, _ = pair
    if not HAN.search(chinese):
        return "no Chinese character"
    if not all(TERM_CHAR.match(c) for c in chinese):
        return "a character no term has"
    if VARIABLE.match(english):
        return "a variable"
    if UNIT.match(english):
        return "a unit"
    if chinese in curated.get(key(english), ()):
        return "in the curated reference"
    if key(english) in curated:
        return "the curated reference has the English"
    if english.lower() in CODE_LITERALS or is_identifier(english):
        return "code"
    if lexicon is not None and acronyms.renders_no_word(chinese, english, lexicon):
        return "renders none of the English words"
    if lexicon is not None and not acronyms.acronym_letters(english) and not CAPITALS_WORD.search(english):
        if acronyms.renders_other_words(chinese, english, lexicon):
            return "renders other words"
    if CODE.match(english):
        return "code"
    if too_short(english, chinese):
        return "shorter than its acronym"
    if partial_rendering(english, chinese, known):
        return "renders part of the English"
    if any(len(z) > len(chinese) and z.endswith(chinese) for n in names_of(english, abbreviation) for z in known.get(n, ())):
        return "the end of a longer rendering"
    # the curated owners first, then in order: the same reason on every run
    for other, other_abbreviation, curated_term in sorted(owners.get(chinese, ()), key=lambda o: (not o[2], o)):
        if key(other) == key(english) or not unrelated(english, other):
            continue
        if curated_term:
            return "Chinese of an unrelated curated term"
        if abbreviation and (key(other_abbreviation) == key(abbreviation) or is_acronym_of(abbreviation, other)):
            return "Chinese of another expansion of the acronym"
    return None


def unrelated(english, other):
    """Whether two English terms share no word and neither is the acronym of the other."""
    if not english:
        return True
    a, b = (set(key(w) for w in WORDS.split(t) if w) for t in (english, other))
    if a & b:
        return False
    return not (is_acronym_of(english, other) or is_acronym_of(other, english))


def is_acronym_of(short, long):
    """Whether `short` is made of the initials of `long`'s words (`DNS`, Domain Name System)."""
    words = [w for w in WORDS.split(long) if w]
    initials = "".join(w[0] for w in words).lower()
    s = re.sub(r"[^A-Za-z0-9]", "", short).lower()
    return len(words) > 1 and len(s) >= 2 and s == initials


def gloss_lines(folder):
    """The lines of the files under `folder` that have a bracket (where glosses are)."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                out.extend(line for line in f if "(" in line or "（" in line)
    return out


def english_pattern(english):
    """A regular expression of `english` as a corpus writes it: its words joined by spaces,
    hyphens, underscores or slashes, or none, and whole (`Azure Kubernetes` is not the start
    of `Azure Kubernetes Service`)."""
    words = [re.escape(w) for w in WORDS.split(english.strip()) if w]
    return r"[\s\-_/]*".join(words) + r"(?![A-Za-z0-9])"


def glossed_together(english, chinese, lines):
    """Whether a line writes `chinese` and `english` in one gloss, either way round."""
    e, z = english_pattern(english), re.escape(chinese)
    gloss = re.compile(rf"{z}\s*[(（][^)）]*?{e}|{e}\s*[(（][^)）]*?{z}", re.I)
    return any(gloss.search(line) for line in lines if chinese in line)


def only_labels(english, chinese, lines):
    """Whether every line that glosses `chinese` with `english` (either way round) is a
    heading or holds the gloss as a table cell of its own: the translation of a heading or
    of a column's label. False when no line glosses them."""
    e, z = english_pattern(english), re.escape(chinese)
    gloss = rf"(?:{z}\s*[(（]\s*{e}\s*[)）]|{e}\s*[(（]\s*{z}\s*[)）])"
    anywhere = re.compile(gloss, re.I)
    cell = re.compile(rf"\|\s*{gloss}\s*(?=\|)", re.I)
    found = False
    for line in lines:
        if chinese not in line or not anywhere.search(line):
            continue
        found = True
        if not (line.lstrip().startswith("#") or cell.search(line)):
            return False
    return found


PLAIN_WORD = re.compile(r"^[A-Za-z][a-z]+$")
#: termbridge's lists of general English words (lemmas): a word of them in capitals is a
#: label or a heading (`Meaning`), not a name.
GENERAL_WORD_LISTS = [
    "../../src/text/lexicon/english/general_words.txt",
    "../../src/text/lexicon/english/common_words.txt",
]


def read_general_words(lists=None):
    """The words of the general English lists, in lowercase."""
    here, out = os.path.dirname(os.path.abspath(__file__)), set()
    for name in lists if lists is not None else GENERAL_WORD_LISTS:
        with open(os.path.join(here, name), encoding="utf-8") as f:
            out.update(w.strip().lower() for w in f if w.strip() and not w.startswith("#"))
    return out


GENERAL_WORDS = read_general_words()


def is_plain_word(english):
    """Whether `english` is one plain word: letters only, in lowercase (`task`), or with a
    capital first when general English has the word (`Meaning`; `Oracle` is a name, and
    `CapEx`, `Text-to-image` are no plain words)."""
    if not PLAIN_WORD.match(english):
        return False
    return english.islower() or english.lower() in GENERAL_WORDS


def is_one_word(english):
    """Whether `english` is one word: no space (`PMI`, `PoW`, `fold`, `coarse-grained`)."""
    return not any(c.isspace() for c in english.strip())


def build(pairs, curated, owners, min_documents, lines=None, lexicon=None, full_forms=None):
    """The kept pairs, sorted by documents (most first) then English; and the left-out ones.
    With a `lexicon`, an acronym's Chinese must account for its letters (`full_forms`:
    acronym -> its full forms)."""
    known = {k: set(v) for k, v in curated.items()}
    owners = {z: set(v) for z, v in owners.items()}
    for english, abbreviation, chinese, _, _ in pairs:
        owners.setdefault(chinese, set()).add((english, abbreviation, False))
        known.setdefault(key(english), set()).add(chinese)
        if abbreviation:
            known.setdefault(key(abbreviation), set()).add(chinese)
    kept, dropped = {}, []
    for p in pairs:
        if p[3] < min_documents:
            continue
        english, abbreviation, chinese, documents, glosses = p
        if lines is not None and abbreviation and key(abbreviation) != key(english):
            if not glossed_together(english, chinese, lines):
                # the corpus glosses the acronym: the pair is the acronym's
                dropped.append((p, "glossed only through the acronym: kept for the acronym"))
                p = (abbreviation, "", chinese, documents, glosses)
        why = reason(p, curated, owners, known, lexicon)
        if not why and lexicon is not None and not p[1]:
            full = acronym_rendering(p[0], p[2], full_forms or {}, lexicon)
            if full is None:
                why = "does not account for the acronym's letters"
            elif full != p[0]:
                p = (full, p[0], p[2], p[3], p[4])
        elif not why and lexicon is not None and acronyms.acronym_letters(p[1]):
            # a full form with its acronym: the Chinese renders the one or the other
            if not (
                acronyms.renders_full_form(p[2], p[0], lexicon)
                or acronyms.renders_letters(p[2], acronyms.acronym_letters(p[1]), lexicon)
            ):
                why = "does not account for the acronym's letters"
        if not why and not p[1] and p[3] < MIN_ONE_WORD_DOCUMENTS and is_one_word(p[0]):
            why = f"one word alone, glossed in fewer than {MIN_ONE_WORD_DOCUMENTS} inputs"
        if not why and not p[1] and is_plain_word(p[0]):
            why = "one plain word: its sense depends on where it stands"
        plain_words = all(is_plain_word(w) for w in p[0].split())
        if not why and lines is not None and plain_words and only_labels(p[0], p[2], lines):
            why = "glossed only in headings and table cells of their own"
        if why:
            dropped.append((p, why))
            continue
        k = (key(p[0]), p[2])
        if k not in kept or kept[k][3] < p[3]:
            kept[k] = p
    out = sorted(kept.values(), key=lambda p: (-p[3], p[0].lower(), p[2]))
    return out, dropped


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("glossary", help="CSV of `termbridge extract --pair-counts` over a corpus")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--curated", default=os.path.join(os.path.dirname(__file__), "../../glossary/reference.csv"))
    ap.add_argument("--min-documents", type=int, default=MIN_DOCUMENTS)
    ap.add_argument("--corpus", help="the mined corpus: check the glosses of full terms with acronyms")
    ap.add_argument("--dropped", help="also write the left-out pairs, with the reason, to this CSV")
    a = ap.parse_args()
    curated, owners = read_curated(a.curated)
    lines = gloss_lines(a.corpus) if a.corpus else None
    pairs = read_pairs(a.glossary)
    lexicon, full_forms = read_lexicon(a.curated), read_full_forms(a.curated, pairs)
    kept, dropped = build(pairs, curated, owners, a.min_documents, lines, lexicon, full_forms)
    write(a.output, COLUMNS, rows(kept))
    if a.dropped:
        write(a.dropped, COLUMNS + ["reason"], [row(p) + [why] for p, why in dropped])
    print(f"{len(kept)} pairs kept, {len(dropped)} left out", file=sys.stderr)


def rows(pairs):
    """The kept pairs as output rows: one per English (its first spelling), in the order of
    the pairs, its Chinese in their order."""
    out, at = [], {}
    for english, abbreviation, chinese, documents, glosses in pairs:
        k = key(english)
        if k not in at:
            at[k] = len(out)
            out.append([english, [], abbreviation, [], []])
        r = out[at[k]]
        r[1].append(chinese)
        r[3].append(str(documents))
        r[4].append(str(glosses))
    return [[e, "|".join(z), a, "|".join(d), "|".join(g)] for e, z, a, d, g in out]


def row(pair):
    """A pair as an output row, in the order of COLUMNS."""
    english, abbreviation, chinese, documents, glosses = pair
    return [english, chinese, abbreviation, documents, glosses]


def write(path, header, rows):
    """Writes a CSV whole or not at all."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


if __name__ == "__main__":
    main()
