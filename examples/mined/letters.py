"""Whether a Chinese rendering accounts for the letters of an acronym."""
import re

#: English words that carry no letter of an acronym (Proof of Work, PoW).
FUNCTION_WORDS = {"of", "and", "as", "the", "to", "for", "in", "on", "a", "an", "by", "with", "&", "at", "from"}
#: Chinese characters that join the words of a rendering and render no letter (分布式, 端到端).
JOINERS = set("的和与及之式性化者到")
#: Characters of a rendering left over beyond its words: more, and it renders more than the
#: acronym (`EULA` glossed with 通用基本映像最终用户许可协议).
MAX_EXTRA_CHARS = 2
#: The most characters one English word that no list knows takes in Chinese.
MAX_UNKNOWN_WORD_CHARS = 4
#: Letters of an acronym that may stand for words no list knows, if characters are left for
#: them: one, and only in an acronym of three letters or more.
MAX_UNKNOWN_LETTERS = 1
#: The shortest acronym with a letter no list accounts for.
MIN_LETTERS_WITH_UNKNOWN = 3
#: Two spellings of a word share a stem of at least this many letters (registry, register).
MIN_STEM = 4
#: ...and it is at most this much shorter than the shorter spelling.
MAX_STEM_CUT = 2
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
WORDS = re.compile(r"[\s\-_/]+")


def same_word(a, b):
    """Whether two English words are spellings of one (a plural, a stem of a list)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= MIN_STEM and n >= min(len(a), len(b)) - MAX_STEM_CUT


def acronym_letters(english):
    """The letters of an acronym (`LoRA` → l r a), or None when `english` is none: one word,
    at least two capitals, and capitals for at least half its letters."""
    if not re.fullmatch(r"[A-Za-z]+", english):
        return None
    caps = [c for c in english if c.isupper()]
    if len(caps) < 2 or 2 * len(caps) < len(english):
        return None
    if english.isupper():
        return english.lower()
    return "".join(caps).lower()


def content_words(english):
    """The words of a full form that carry its letters."""
    return [w.lower() for w in WORDS.split(english.strip()) if w and w.lower() not in FUNCTION_WORDS]


class Lexicon:
    """Chinese words with the English they render: `(chinese, [english word, ...])` per
    rendering, one word or several (虚拟机, virtual machine)."""

    def __init__(self, items):
        self.items = [(z, [w.lower() for w in e]) for z, e in items if z and e]
        self.known = {}
        for _, e in self.items:
            for w in e:
                self.known.setdefault(w[:MIN_STEM], []).append(w)

    def knows(self, word):
        """Whether some Chinese of the lexicon renders `word`."""
        return any(same_word(word, w) for w in self.known.get(word.lower()[:MIN_STEM], ()))

    def pieces(self, chinese):
        """Every (start, end, english words) of a word of the lexicon or a Latin word in
        `chinese`."""
        out = []
        for m in LATIN.finditer(chinese):
            out.append((m.start(), m.end(), [m.group().lower()]))
        for z, e in self.items:
            at = chinese.find(z)
            while at >= 0:
                out.append((at, at + len(z), e))
                at = chinese.find(z, at + 1)
        return out


def renders_full_form(chinese, full, lexicon):
    """Whether `chinese` renders each word of `full`: each word by a Latin word or a lexicon
    word in it (apart), a word no list knows by characters left over, and nothing more."""
    words = content_words(full)
    pieces = lexicon.pieces(chinese)
    unknown = [w for w in words if not lexicon.knows(w) and w not in chinese.lower()]
    todo = [w for w in words if w not in unknown]

    def place(i, used):
        if i == len(todo):
            return finish(chinese, used, len(unknown))
        for s, e, eng in pieces:
            if any(s < b and a < e for a, b in used):
                continue
            # a piece of several words renders a run of them (虚拟机, virtual machine)
            n = len(eng)
            if todo[i : i + n] and len(todo[i : i + n]) == n and all(same_word(x, y) for x, y in zip(todo[i : i + n], eng)):
                if place(i + n, used + [(s, e)]):
                    return True
            if n > 1:
                continue
            if same_word(todo[i], eng[0]) and place(i + 1, used + [(s, e)]):
                return True
        return False

    return place(0, [])


def renders_letters(chinese, letters, lexicon):
    """Whether `chinese` has, for each letter of the acronym, a word apart whose English
    starts with it (a Latin word, or a lexicon word), and nothing more."""
    pieces = lexicon.pieces(chinese)
    most_unknown = MAX_UNKNOWN_LETTERS if len(letters) >= MIN_LETTERS_WITH_UNKNOWN else 0

    def place(i, used, unknown=0):
        if i == len(letters):
            # a letter no list accounts for takes characters that are no word of the lists
            # (中心 of 容器注册中心 is a word: it renders no E of `ECR`)
            return finish(chinese, used, unknown) and unknown <= unlisted(chinese, pieces, used)
        if unknown < most_unknown and place(i + 1, used, unknown + 1):
            return True
        for s, e, eng in pieces:
            if any(s < b and a < e for a, b in used):
                continue
            options = ["".join(w[0] for w in eng)]
            # a Latin acronym inside stands for its letters (卷积 LSTM) or for its word (AWS)
            if len(eng) == 1 and chinese[s:e].isupper() and len(eng[0]) > 1:
                options.append(eng[0])
            for initials in options:
                if letters.startswith(initials, i) and place(i + len(initials), used + [(s, e)], unknown):
                    return True
        return False

    return place(0, [])


def unlisted(chinese, pieces, used):
    """The Chinese characters of `chinese` outside `used` that no word of the lexicon covers."""
    covered = used + [(s, e) for s, e, _ in pieces]
    return sum(1 for i, c in enumerate(chinese) if HAN.match(c) and c not in JOINERS and not any(a <= i < b for a, b in covered))


def renders_other_words(chinese, english, lexicon):
    """Whether `chinese` is made of words of the lexicon (and joiners) none of which renders
    a word of `english`: it translates other words (`protobuf` glossed with 缓冲区, buffer;
    `Dense` with 完全连接, fully connected)."""
    words = content_words(english)
    pieces = [(s, e, eng) for s, e, eng in lexicon.pieces(chinese) if HAN.match(chinese[s])]
    if any(w in chinese.lower() for w in words) or unlisted(chinese, pieces, []):
        return False
    if not any(HAN.match(c) for c in chinese):
        return False
    return not any(same_word(w, x) for _, _, eng in pieces for x in eng for w in words)


def finish(chinese, used, unknown):
    """Whether what is left of `chinese` beyond the words placed (`used`) is right for the
    number of words no list knows: at least a character each, a few at most."""
    left = sum(1 for i, c in enumerate(chinese) if HAN.match(c) and c not in JOINERS and not any(a <= i < b for a, b in used))
    if unknown:
        return unknown <= left <= unknown * MAX_UNKNOWN_WORD_CHARS + MAX_EXTRA_CHARS
    return left <= MAX_EXTRA_CHARS


def renders_no_word(chinese, english, lexicon):
    """Whether `chinese` renders none of the words of a multi-word `english` that the lexicon
    knows, though it knows one: it translates something else (`Cloud Native Associate`
    glossed with 朝鲜中央通讯社, the Korean news agency that `KCNA` also stands for). A
    transliterated name (with `·`) renders no word by meaning."""
    words = content_words(english)
    if len(words) < 2 or "·" in chinese:
        return False
    known = [w for w in words if lexicon.knows(w)]
    if not known:
        return False
    pieces = lexicon.pieces(chinese)
    return not any(w in chinese.lower() or any(same_word(w, x) for _, _, e in pieces for x in e) for w in known)
