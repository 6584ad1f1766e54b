//! The elements of a TBX file that are kept whole while it is read: each concept, and the
//! header's `sourceDesc`.

/// An element kept in full: a concept, or the header's `sourceDesc`.
#[derive(Debug, Default)]
pub(super) struct Element {
    /// Local name (without a namespace prefix).
    pub(super) name: String,
    /// Attributes by qualified name, values unescaped.
    pub(super) attrs: Vec<(String, String)>,
    pub(super) children: Vec<Node>,
}

#[derive(Debug)]
pub(super) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The language: `xml:lang`, or `lang` as some old TBX v2 files have it.
    pub(super) fn lang(&self) -> Option<&str> {
        self.attr("xml:lang").or_else(|| self.attr("lang"))
    }

    pub(super) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(super) fn children_named<'a>(&'a self, names: &'a [&str]) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| names.contains(&e.name.as_str()))
    }

    /// The first element named `name` among the descendants, depth first.
    pub(super) fn descendant(&self, name: &str) -> Option<&Element> {
        self.elements().find_map(|e| if e.name == name { Some(e) } else { e.descendant(name) })
    }

    /// All descendants, depth first.
    pub(super) fn descendants(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        for e in self.elements() {
            out.push(e);
            out.extend(e.descendants());
        }
        out
    }

    /// The text of the element and its descendants, trimmed.
    pub(super) fn text(&self) -> String {
        fn collect(e: &Element, out: &mut String) {
            for n in &e.children {
                match n {
                    Node::Text(t) => out.push_str(t),
                    Node::Element(c) => collect(c, out),
                }
            }
        }
        let mut s = String::new();
        collect(self, &mut s);
        s.trim().to_string()
    }
}
