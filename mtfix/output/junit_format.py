"""JUnit XML: one test case per file, one failure per finding (what most CI dashboards read)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mtfix.output import shown_path


def render(reports) -> str:
    suites = ET.Element("testsuites", name="mtfix")
    suite = ET.SubElement(suites, "testsuite", name="mtfix", tests=str(len(reports)),
                          failures=str(sum(1 for r in reports if r.findings or r.below_min_score)), errors="0")
    for r in reports:
        case = ET.SubElement(suite, "testcase", classname="mtfix", name=shown_path(r.path), file=shown_path(r.path))
        for f in r.findings:
            message = shown_path(f.message)  # a [reject] term may hold a control character: invalid in XML
            fail = ET.SubElement(case, "failure", type=f"{f.rule} {f.name}", message=f"line {f.line}, column {f.column}: {message}")
            fail.text = f"{shown_path(r.path)}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {message}\n    {f.text!r}"
        if r.below_min_score:
            ET.SubElement(case, "failure", type="min-score", message=r.gate_message())
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")
