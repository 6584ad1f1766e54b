"""Checks an XML file against an ISO Schematron schema whose queryBinding is xslt2.

Usage: python3 schematron.py SCHEMA.sch FILE.xml

The schema is turned into an XSLT 2 stylesheet (one mode per pattern; within a pattern
a node is checked by the first rule whose context matches it, as ISO Schematron says)
and run with Saxon (the saxonche package). Supports what TBX dialect schemas use:
ns, pattern, rule, assert and report; includes, abstract patterns, let and diagnostics
are not supported and make the check fail rather than pass.

Exit codes: 0 valid, 1 invalid (each failed assertion printed), 2 bad usage or an
unsupported schema, 3 saxonche missing.
"""

import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import quoteattr, escape

SCH = "{http://purl.oclc.org/dsdl/schematron}"
SUPPORTED = {"schema", "ns", "pattern", "rule", "assert", "report", "title", "p"}


def stylesheet(schema_path):
    """The XSLT 2 text that reports each failed assertion as a line of text."""
    root = ET.parse(schema_path).getroot()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith(SCH):
            name = el.tag[len(SCH):]
            if name not in SUPPORTED:
                raise ValueError(f"unsupported Schematron element <{name}>")
    if root.get("queryBinding", "xslt") not in ("xslt2", "xslt3"):
        raise ValueError("this checker runs only queryBinding xslt2 schemas")
    namespaces = "".join(
        f" xmlns:{ns.get('prefix')}={quoteattr(ns.get('uri'))}" for ns in root.iter(SCH + "ns")
    )
    out = [
        '<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
        + namespaces + '>',
        '<xsl:output method="text"/>',
        '<xsl:template match="/">',
    ]
    patterns = list(root.iter(SCH + "pattern"))
    for i in range(len(patterns)):
        out.append(f'<xsl:apply-templates select="/" mode="p{i}"/>')
    out.append("</xsl:template>")
    for i, pattern in enumerate(patterns):
        mode = f"p{i}"
        # a node no rule matches: go on to its attributes and children
        out.append(
            f'<xsl:template match="/|@*|node()" mode="{mode}" priority="-10">'
            f'<xsl:apply-templates select="@*|node()" mode="{mode}"/></xsl:template>'
        )
        rules = list(pattern.iter(SCH + "rule"))
        for j, rule in enumerate(rules):
            # earlier rules win: higher priority
            priority = len(rules) - j
            out.append(
                f'<xsl:template match={quoteattr(rule.get("context"))} mode="{mode}" priority="{priority}">'
            )
            for check in rule:
                if check.tag not in (SCH + "assert", SCH + "report"):
                    continue
                test = check.get("test")
                condition = f"not({test})" if check.tag == SCH + "assert" else f"({test})"
                message = " ".join("".join(check.itertext()).split())
                out.append(
                    f"<xsl:if test={quoteattr(condition)}>"
                    f'<xsl:value-of select="string-join(ancestor-or-self::*/local-name(), &quot;/&quot;)"/><xsl:text>: {escape(message)}&#10;</xsl:text>'
                    "</xsl:if>"
                )
            out.append(f'<xsl:apply-templates select="@*|node()" mode="{mode}"/></xsl:template>')
    out.append("</xsl:stylesheet>")
    return "\n".join(out)


def main(argv):
    if len(argv) != 3:
        print("usage: schematron.py SCHEMA.sch FILE.xml", file=sys.stderr)
        return 2
    try:
        from saxonche import PySaxonProcessor
    except ImportError:
        print("saxonche is not installed (pip install saxonche)", file=sys.stderr)
        return 3
    try:
        xslt = stylesheet(argv[1])
    except (ValueError, ET.ParseError) as e:
        print(f"{argv[1]}: {e}", file=sys.stderr)
        return 2
    with PySaxonProcessor(license=False) as processor:
        compiler = processor.new_xslt30_processor()
        executable = compiler.compile_stylesheet(stylesheet_text=xslt)
        report = executable.transform_to_string(source_file=argv[2]) or ""
    failures = [line for line in report.splitlines() if line.strip()]
    for line in failures:
        print(f"{argv[2]}: {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
