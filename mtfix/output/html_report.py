"""`mtfix report`: one self-contained HTML page for editors — the article as it reads with each
finding highlighted, a filterable side list, accept/reject per fix and a download of the corrected
text, scores with a per-paragraph chart, and an index when there are many files.

No network: CSS and JS are inline, and a Content-Security-Policy lets only this page's own script
(by its hash) run, so article text that looks like markup stays text even if escaping failed.
Offsets in `data-start`/`data-end` are code points, as in the JSON; the script works on UTF-16
offsets computed here, so the download matches `mtfix fix` byte for byte.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
import json
from dataclasses import dataclass

from mtfix.output import FileReport, quoted, shown_path
from mtfix.readability import score as readability
from mtfix.scoring import quality
from mtfix.utf16 import Utf16

ICONS = {"critical": "⛔", "major": "▲", "minor": "●"}
MEANINGS = {
    "quality": "100 minus MQM penalty points per 1,000 words (minor 1, major 5, critical 25 by default); 100 = nothing found.",
    "flesch_reading_ease": "0–100; higher is easier. News prose is usually 40–60.",
    "flesch_kincaid_grade": "US school grade needed to follow the text.",
    "gunning_fog": "Years of schooling needed on a first reading; above 17 is hard going.",
    "smog": "Grade level estimated from words of three or more syllables.",
    "coleman_liau": "Grade level estimated from letters per word and sentences per word.",
}


@dataclass
class Article:
    """A report with the text it was made from (reports hold no text, to keep many files cheap)."""

    report: FileReport
    text: str
    bom: bool


def _paragraphs(article: Article, weights) -> list[dict]:
    """Per non-empty line (a paragraph in the plain text these sites produce, a line in Markdown):
    quality from its own findings and Flesch reading ease, for the chart."""
    out, pos, text = [], 0, article.text
    findings = sorted(article.report.findings, key=lambda f: f.start)
    starts = [f.start for f in findings]
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line)
        pos = end
        words = len(line.split())
        if words < 3:
            continue
        mine = findings[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        out.append({"start": start, "words": words, "quality": round(quality(mine, words, weights).score, 1),
                    "flesch": round(readability(line).flesch_reading_ease, 1)})
    return out


def _highlighted(article: Article) -> str:
    """The text, escaped, with one <mark> per finding. A finding inside another nests; one that
    overlaps without nesting is a marker at its start, so there is always one element per finding."""
    text, findings = article.text, article.report.findings
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, -findings[i].end))
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    stack: list[int] = []  # end offsets of open marks
    for i in order:
        f = findings[i]
        while stack and stack[-1] <= f.start:
            stack.pop()
        attrs = (f'data-i="{i}" data-rule="{html.escape(f.rule)}" data-severity="{f.severity.value}" '
                 f'data-category="{html.escape(f.category)}" data-start="{f.start}" data-end="{f.end}" tabindex="0" '
                 f'title="{html.escape(f"{f.rule} {f.severity.value}: {f.message}")}"')
        nests = not stack or f.end <= stack[-1]
        if nests and f.end > f.start:
            opens.setdefault(f.start, []).append(f'<mark class="f {f.severity.value}" {attrs}>')
            closes.setdefault(f.end, []).insert(0, "</mark>")
            stack.append(f.end)
        else:  # empty span, or a crossing overlap: a marker
            opens.setdefault(f.start, []).append(f'<mark class="f marker {f.severity.value}" {attrs}>⚑</mark>')
    cuts = sorted(set(opens) | set(closes))
    parts, pos = [], 0
    for c in cuts:
        parts.append(html.escape(text[pos:c]))
        parts.extend(closes.get(c, []))
        parts.extend(opens.get(c, []))
        pos = c
    parts.append(html.escape(text[pos:]))
    return "".join(parts)


def _data(article: Article, rules: dict) -> dict:
    u16 = Utf16(article.text).to_utf16
    findings = []
    for i, f in enumerate(article.report.findings):
        rule = rules.get(f.rule)
        findings.append({
            "i": i, "rule": f.rule, "name": f.name, "category": f.category, "severity": f.severity.value,
            "start": f.start, "end": f.end, "u16start": u16(f.start), "u16end": u16(f.end), "text": f.text,
            "message": f.message, "replacements": list(f.replacements), "fix": f.fix.value if f.fixable else None,
            "description": (rule.description if rule is not None else "") or "",
            "segment": f.extra.get("segment"),
        })
    return {"path": article.report.path, "name": shown_path(article.report.path).rsplit("/", 1)[-1],
            "bom": article.bom, "text": article.text, "findings": findings}


def _chart(paras: list[dict]) -> str:
    """Two bars per paragraph (quality, Flesch), worst paragraphs in the darker colour."""
    if not paras:
        return ""
    w, h, gap = 8, 60, 3
    bars = []
    for k, p in enumerate(paras):
        x = k * (2 * w + gap)
        q, fl = max(0.0, min(100.0, p["quality"])), max(0.0, min(100.0, p["flesch"]))
        bars.append(f'<rect class="q{" low" if q < 80 else ""}" x="{x}" y="{h - q * h / 100:.1f}" width="{w}" '
                    f'height="{q * h / 100:.1f}"><title>paragraph {k + 1}: quality {p["quality"]}</title></rect>')
        bars.append(f'<rect class="r{" low" if fl < 30 else ""}" x="{x + w}" y="{h - fl * h / 100:.1f}" width="{w}" '
                    f'height="{fl * h / 100:.1f}"><title>paragraph {k + 1}: Flesch reading ease {p["flesch"]}</title></rect>')
    width = len(paras) * (2 * w + gap)
    return (f'<figure class="chart"><svg role="img" aria-label="Quality and reading ease per paragraph" '
            f'viewBox="0 0 {width} {h}" width="{min(width * 2, 900)}" height="{h * 2}" preserveAspectRatio="none">'
            + "".join(bars) + '</svg><figcaption><span class="key q">■</span> quality (0–100) '
            '<span class="key r">■</span> Flesch reading ease (0–100), per paragraph; dark bars are the worst '
            '(quality below 80, reading ease below 30)</figcaption></figure>')


def _scores(r: FileReport) -> str:
    rows = [("quality", f"{r.quality.score:.1f} / 100", MEANINGS["quality"])]
    for k, v in r.readability.to_dict().items():
        rows.append((k.replace("_", " "), f"{v:.1f}", MEANINGS[k]))
    return ('<table class="scores"><tbody>' + "".join(
        f"<tr><th>{html.escape(k)}</th><td>{v}</td><td>{html.escape(m)}</td></tr>" for k, v, m in rows) + "</tbody></table>")


def _side(article: Article) -> str:
    findings = article.report.findings
    by_cat: dict[str, list[int]] = {}
    for i, f in enumerate(findings):
        by_cat.setdefault(f.category, []).append(i)
    out = []
    for cat in sorted(by_cat):
        items = []
        for i in by_cat[cat]:
            f = findings[i]
            sev = f.severity.value
            fix = ""
            if f.fixable:
                label = f"{html.escape(quoted(f.text))} → {html.escape(quoted(f.replacements[0]))}"
                fix = (f'<div class="fix" data-i="{i}">{label} <span class="safety">({f.fix.value} fix, '
                       f'<span class="state">not applied</span>)</span> '
                       f'<button type="button" class="accept" data-i="{i}">Accept</button>'
                       f'<button type="button" class="reject" data-i="{i}">Reject</button></div>')
            items.append(
                f'<li class="item" data-i="{i}" data-rule="{html.escape(f.rule)}" data-severity="{sev}" '
                f'data-category="{html.escape(f.category)}"><a href="#" class="go" data-i="{i}">'
                f'<span class="sev {sev}" aria-label="{sev}">{ICONS[sev]} {sev}</span> '
                f'<code>{html.escape(f.rule)}</code> '
                + (f'<span class="seg">[{html.escape(f.extra["segment"])}]</span> ' if "segment" in f.extra else "")
                + f'{html.escape(f.message)} '
                f'<q>{html.escape(f.text[:60])}</q></a>{fix}</li>')
        out.append(f'<details open><summary>{html.escape(cat)} ({len(by_cat[cat])})</summary><ul>{"".join(items)}</ul></details>')
    return "".join(out)


def _filters(article: Article) -> str:
    fs = article.report.findings

    def select(kind: str, values: list[str]) -> str:
        opts = "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values)
        return f'<label>{kind} <select class="filter" data-kind="{kind}"><option value="">all</option>{opts}</select></label>'

    return (select("severity", [s for s in ("critical", "major", "minor") if any(f.severity.value == s for f in fs)])
            + select("category", sorted({f.category for f in fs})) + select("rule", sorted({f.rule for f in fs})))


def _section(k: int, article: Article, weights) -> str:
    r = article.report
    return (f'<section class="file" id="file-{k}" data-file="{k}"><h2>{html.escape(shown_path(r.path))}</h2>'
            f'<p class="summary">{len(r.findings)} finding(s) in {r.words} words; quality {r.quality.score:.1f}/100</p>'
            f'{_scores(r)}{_chart(_paragraphs(article, weights))}'
            f'<div class="layout"><pre class="article" data-file="{k}">{_highlighted(article)}</pre>'
            f'<aside class="side"><div class="filters">{_filters(article)}</div>'
            f'<p><button type="button" class="download" data-file="{k}">Download corrected text</button> '
            f'<span class="hint">applies the accepted fixes (safe ones start accepted)</span></p>'
            f'{_side(article)}</aside></div></section>')


def _index(articles: list[Article]) -> str:
    rows = "".join(
        f'<tr><td><a href="#file-{k}">{html.escape(shown_path(a.report.path))}</a></td>'
        f'<td data-v="{a.report.quality.score}">{a.report.quality.score:.1f}</td>'
        f'<td data-v="{len(a.report.findings)}">{len(a.report.findings)}</td><td data-v="{a.report.words}">{a.report.words}</td></tr>'
        for k, a in enumerate(articles))
    return ('<table class="index"><thead><tr><th>file</th><th class="sort" data-col="1">quality ⇅</th>'
            '<th class="sort" data-col="2">findings ⇅</th><th class="sort" data-col="3">words ⇅</th></tr></thead>'
            f'<tbody>{rows}</tbody></table>')


def _json_for_script(obj) -> str:
    """JSON that cannot end the <script> element it sits in."""
    s = json.dumps(obj, ensure_ascii=False)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render(articles: list[Article], rules: dict, weights=None) -> str:
    data = _json_for_script([_data(a, rules) for a in articles])
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:"
    body = "".join(_section(k, a, weights) for k, a in enumerate(articles))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>mtfix report</title><style>{_CSS}</style></head><body>"
        f'<header><h1>mtfix report</h1><p>{len(articles)} file(s), '
        f'{sum(len(a.report.findings) for a in articles)} finding(s).</p></header>'
        + (_index(articles) if len(articles) > 1 else "")
        + body
        + '<div id="tip" role="tooltip" hidden></div>'
        + f'<script type="application/json" id="mtfix-data">{data}</script>'
        + f"<script>{_SCRIPT}</script></body></html>\n"
    )


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 1.5rem 3rem;color:#1b1b1b;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.15rem;border-top:1px solid #ccc;padding-top:1rem}
.layout{display:flex;gap:1.5rem;align-items:flex-start}
.article{flex:3;white-space:pre-wrap;font:16px/1.6 Georgia,serif;background:#fcfcf8;padding:1rem;border:1px solid #ddd;margin:0}
.side{flex:2;max-height:80vh;overflow:auto;position:sticky;top:0;font-size:13px}
.side ul{list-style:none;padding-left:.5rem}.side li{margin:.35rem 0}.side li.hidden{display:none}
.side a.go{color:inherit;text-decoration:none}.side q{color:#555}
mark.f{background:none;text-decoration-line:underline;text-decoration-thickness:3px;text-underline-offset:3px;cursor:help}
mark.critical{text-decoration-color:#b00020;text-decoration-style:double;background:#fde7ea}
mark.major{text-decoration-color:#c25e00;text-decoration-style:solid;background:#fff1e0}
mark.minor{text-decoration-color:#1c64b4;text-decoration-style:dotted;background:#eaf2fb}
mark.marker{font-size:.8em;text-decoration:none}
mark.f.off{background:none;text-decoration:none}
mark.f:focus,mark.f.flash{outline:2px solid #000}
.sev.critical{color:#b00020}.sev.major{color:#a04e00}.sev.minor{color:#1c64b4}
.fix{margin:.2rem 0 0 1.2rem}.fix.accepted{background:#e6f4ea}.fix.rejected{opacity:.6}.fix.rejected .safety{text-decoration:line-through}
.fix button{margin-left:.3rem}
#tip{position:absolute;max-width:28rem;background:#222;color:#fff;padding:.5rem .7rem;border-radius:4px;font-size:13px;z-index:9}
table.scores td,table.scores th,table.index td,table.index th{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #eee}
table.scores td:last-child{color:#555;font-size:13px}th.sort{cursor:pointer}
.chart rect.q{fill:#9cc3e6}.chart rect.q.low{fill:#1c4f8a}.chart rect.r{fill:#f3c79b}.chart rect.r.low{fill:#a04e00}
.chart figcaption{font-size:12px;color:#555}.key.q{color:#1c4f8a}.key.r{color:#a04e00}
@media (max-width:900px){.layout{display:block}}
"""

_SCRIPT = """
(function(){
const files = JSON.parse(document.getElementById('mtfix-data').textContent);
const state = files.map(f => f.findings.map(x => x.fix === 'safe' ? true : null));  // null: not decided
const tip = document.getElementById('tip');
function esc(s){const d=document.createElement('span');d.textContent=s;return d.innerHTML;}
function q(s){return s===''?'(delete)':'“'+s+'”';}
function fileOf(el){return +el.closest('[data-file]').dataset.file;}
function show(mark){
  const f = files[fileOf(mark)].findings[+mark.dataset.i];
  let h = '<b>'+esc(f.rule)+' '+esc(f.name)+'</b> · '+esc(f.category)+' · '+esc(f.severity)
    + (f.segment ? ' · segment '+esc(f.segment) : '') + '<br>'+esc(f.message);
  if (f.replacements.length) h += '<br>Suggestion: '+esc(q(f.text))+' → '+esc(q(f.replacements[0]))+(f.fix?' ('+f.fix+' fix)':'');
  if (f.description) h += '<br><i>'+esc(f.description)+'</i>';
  tip.innerHTML = h; tip.hidden = false;
  const r = mark.getBoundingClientRect();
  tip.style.left = (window.scrollX + r.left) + 'px'; tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
}
document.querySelectorAll('mark.f').forEach(m => {
  m.addEventListener('mouseenter', () => show(m)); m.addEventListener('focus', () => show(m));
  m.addEventListener('mouseleave', () => tip.hidden = true); m.addEventListener('blur', () => tip.hidden = true);
});
document.querySelectorAll('a.go').forEach(a => a.addEventListener('click', ev => {
  ev.preventDefault();
  const m = document.querySelector('#file-'+fileOf(a)+' mark.f[data-i="'+a.dataset.i+'"]');
  m.scrollIntoView({block:'center'}); m.focus(); m.classList.add('flash'); setTimeout(() => m.classList.remove('flash'), 1200);
}));
function paint(k){
  document.querySelectorAll('#file-'+k+' .fix').forEach(d => {
    const on = state[k][+d.dataset.i];
    d.classList.toggle('accepted', on === true); d.classList.toggle('rejected', on === false);
    d.querySelector('.state').textContent = on === true ? 'accepted' : on === false ? 'rejected' : 'not applied';
  });
}
document.querySelectorAll('button.accept, button.reject').forEach(b => b.addEventListener('click', () => {
  const k = fileOf(b); state[k][+b.dataset.i] = b.classList.contains('accept'); paint(k);
}));
files.forEach((_, k) => paint(k));
// The accepted fixes, applied as mtfix applies one round: on overlap the earliest, then shortest,
// then lowest rule code wins; offsets are UTF-16, computed by mtfix.
function corrected(k){
  const f = files[k];
  const chosen = f.findings.filter((x, i) => state[k][i] === true && x.fix)
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  let out = '', pos = 0, last = -1;
  for (const x of chosen) {
    if (x.start < last) continue;
    out += f.text.slice(pos, x.u16start) + x.replacements[0]; pos = x.u16end; last = x.end;
  }
  return (f.bom ? '\\ufeff' : '') + out + f.text.slice(pos);
}
window.mtfixCorrectedText = corrected;
window.mtfixDecide = function(k, i, accept){ state[k][i] = accept; paint(k); };
document.querySelectorAll('button.download').forEach(b => b.addEventListener('click', () => {
  const k = +b.dataset.file;
  const url = URL.createObjectURL(new Blob([corrected(k)], {type: 'text/plain;charset=utf-8'}));
  const a = document.createElement('a'); a.href = url; a.download = files[k].name; document.body.appendChild(a);
  a.click(); a.remove(); setTimeout(() => URL.revokeObjectURL(url), 1000);
}));
document.querySelectorAll('select.filter').forEach(s => s.addEventListener('change', () => {
  const sec = s.closest('section'); const want = {};
  sec.querySelectorAll('select.filter').forEach(x => want[x.dataset.kind] = x.value);
  const ok = el => (!want.severity || el.dataset.severity === want.severity) &&
    (!want.category || el.dataset.category === want.category) && (!want.rule || el.dataset.rule === want.rule);
  sec.querySelectorAll('li.item').forEach(li => li.classList.toggle('hidden', !ok(li)));
  sec.querySelectorAll('mark.f').forEach(m => m.classList.toggle('off', !ok(m)));
}));
document.querySelectorAll('th.sort').forEach(th => th.addEventListener('click', () => {
  const body = th.closest('table').tBodies[0], col = +th.dataset.col;
  const dir = th.dataset.dir === 'asc' ? -1 : 1; th.dataset.dir = dir === 1 ? 'asc' : 'desc';
  [...body.rows].sort((a, b) => dir * (parseFloat(a.cells[col].dataset.v) - parseFloat(b.cells[col].dataset.v)))
    .forEach(r => body.appendChild(r));
}));
})();
"""
