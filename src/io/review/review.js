// termbridge review page: filters, sorts and pages the glossary's rows, shows the selected
// row's concordance and evidence, records decisions in local storage and exports them.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("glossary-data").textContent);
  const ROWS = DATA.rows;
  /** Rows drawn at a time: a page draws in a few milliseconds however long the glossary. */
  const PAGE_SIZE = 100;
  /** Concordance lines drawn before "show all": an entry keeps up to a thousand. */
  const KWIC_SHOWN = 200;
  /** Quiet time after typing in a filter before the rows are filtered again. */
  const FILTER_DELAY_MS = 120;
  /** Where decisions are kept: one key per glossary, so two never share them. */
  const STORE = "termbridge-review:" + DATA.id;
  /** Cells a spreadsheet would run as a formula start with one of these (as in the crate's CSV). */
  const TRIGGERS = /^'*[=+\-@\t\r]/;
  /** What separates renderings in the CSV's `chinese` cell, as termbridge reads it back. */
  const SEPARATORS = /[|;\uff1b]/;

  const $ = (id) => document.getElementById(id);
  let decisions = load();
  let view = [];
  let cursor = 0;
  let sortKey = null;
  let sortDir = 1;
  let kwicAll = false;
  /** A message for the selected entry (a refused action), shown until the next move. */
  let notice = "";
  const hay = ROWS.map((r) => [r.en, r.ab, r.va.join("\n"), r.zh.join("\n")].join("\n").toLowerCase());

  function load() {
    try {
      const saved = window.localStorage.getItem(STORE);
      return saved ? JSON.parse(saved) : {};
    } catch (e) {
      $("storage-warning").hidden = false;
      return {};
    }
  }

  function save() {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(decisions));
    } catch (e) {
      $("storage-warning").hidden = false;
    }
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  // ---- what a row is after review ----

  const dec = (i) => decisions[i] || {};
  /**
   * The renderings a typed Chinese holds: `|`, `;` and `；` separate them in the CSV, so the
   * page reads what a person types as termbridge reads the exported cell back.
   */
  const renderings = (typed) => typed.split(SEPARATORS).map((s) => s.trim()).filter(Boolean);
  const english = (i) => dec(i).en || ROWS[i].en;
  /** The Chinese the row exports: the English when kept in English, a picked or typed one, or all found. */
  function chinese(i) {
    const d = dec(i);
    if (d.keep) return [english(i)];
    if (d.zh) return renderings(d.zh);
    return ROWS[i].zh;
  }
  const note = (i) => (dec(i).note !== undefined ? dec(i).note : ROWS[i].note);
  /** What a `status` cell read back means to the page; other values are kept as written. */
  const READ_STATUS = { deleted: "rejected", "已删除": "rejected", accepted: "accepted" };
  const status = (i) => dec(i).status || READ_STATUS[ROWS[i].st.trim().toLowerCase()] || "";

  function change(i, f) {
    const d = Object.assign({}, dec(i));
    f(d);
    // an empty note stays: it clears the extracted one
    for (const k of Object.keys(d)) if (d[k] === undefined || d[k] === false || (d[k] === "" && k !== "note")) delete d[k];
    if (Object.keys(d).length) decisions[i] = d;
    else delete decisions[i];
    save();
    drawRows();
    drawDetail();
    drawSummary();
  }

  const accept = (i) => change(i, (d) => { d.status = status(i) === "accepted" ? undefined : "accepted"; });
  const reject = (i) => change(i, (d) => { d.status = status(i) === "rejected" ? undefined : "rejected"; });
  const undo = (i) => change(i, (d) => { d.status = undefined; d.keep = undefined; });
  function keepEnglish(i) {
    // kept in English, the English is the row's Chinese: a separator in it would split it
    if (!dec(i).keep && SEPARATORS.test(english(i))) {
      notice = `"${english(i)}" holds | or ; which separate renderings in the CSV's chinese column: edit the English before keeping it in English.`;
      drawDetail();
      return;
    }
    change(i, (d) => {
      d.keep = !d.keep;
      if (d.keep) d.status = "accepted";
    });
  }
  const pick = (i, zh) => change(i, (d) => { d.zh = zh; d.keep = undefined; });
  function editEnglish(i, value) {
    const v = value.trim();
    change(i, (d) => { d.en = v && v !== ROWS[i].en ? v : undefined; });
  }
  function editChinese(i, value) {
    // separators alone are no rendering: the row keeps the Chinese it had
    change(i, (d) => { d.zh = renderings(value).length ? value.trim() : undefined; if (d.zh) d.keep = undefined; });
  }
  function editNote(i, value) {
    change(i, (d) => { d.note = value === ROWS[i].note ? undefined : value; });
  }

  // ---- filtering, sorting, paging ----

  function number(id) {
    const v = $(id).value.trim();
    return v === "" ? null : Number(v);
  }

  function filter() {
    const text = $("f-text").value.trim().toLowerCase();
    const cat = $("f-cat").value, method = $("f-method").value, zh = $("f-zh").value, st = $("f-status").value;
    const smin = number("f-smin"), smax = number("f-smax"), fmin = number("f-fmin"), fmax = number("f-fmax");
    const current = view[cursor];
    view = [];
    for (let i = 0; i < ROWS.length; i++) {
      const r = ROWS[i], d = decisions[i];
      if (text && !hay[i].includes(text) && !(d && ((d.en && d.en.toLowerCase().includes(text)) || (d.zh && d.zh.includes(text))))) continue;
      if (cat && r.cat !== cat) continue;
      if (method && (r.method || "(none)") !== method) continue;
      if (zh && (chinese(i).length > 0 && !(d && d.keep)) !== (zh === "yes")) continue;
      if (st && (status(i) || "undecided") !== st) continue;
      const score = r.score === "" ? null : Number(r.score);
      if (smin !== null && (score === null || score < smin)) continue;
      if (smax !== null && (score === null || score > smax)) continue;
      if (fmin !== null && r.freq < fmin) continue;
      if (fmax !== null && r.freq > fmax) continue;
      view.push(i);
    }
    sort();
    const at = view.indexOf(current);
    cursor = at >= 0 ? at : 0;
    drawToggle();
    drawAll();
  }

  const SORT_VALUES = {
    status: (i) => ({ accepted: 0, "": 1, rejected: 2 })[status(i)],
    en: (i) => english(i).toLowerCase(),
    zh: (i) => chinese(i).join("|"),
    ab: (i) => ROWS[i].ab.toLowerCase(),
    cat: (i) => ROWS[i].cat,
    freq: (i) => ROWS[i].freq,
    score: (i) => (ROWS[i].score === "" ? -1 : Number(ROWS[i].score)),
    conf: (i) => (ROWS[i].conf === "" ? -1 : Number(ROWS[i].conf)),
    method: (i) => ROWS[i].method,
    note: (i) => note(i).toLowerCase(),
  };

  function sort() {
    if (!sortKey) {
      view.sort((a, b) => a - b);
      return;
    }
    const value = SORT_VALUES[sortKey];
    const keyed = view.map((i) => [value(i), i]);
    keyed.sort((a, b) => (a[0] < b[0] ? -sortDir : a[0] > b[0] ? sortDir : a[1] - b[1]));
    view = keyed.map((k) => k[1]);
  }

  function sortBy(key) {
    if (sortKey === key) sortDir = -sortDir;
    else {
      sortKey = key;
      sortDir = ["freq", "score", "conf"].includes(key) ? -1 : 1;
    }
    for (const th of document.querySelectorAll("th[data-key]")) {
      th.setAttribute("aria-sort", th.dataset.key === sortKey ? (sortDir > 0 ? "ascending" : "descending") : "none");
    }
    const current = view[cursor];
    sort();
    cursor = Math.max(0, view.indexOf(current));
    drawAll();
  }

  // ---- drawing ----

  function drawAll() {
    drawRows();
    drawDetail();
    drawSummary();
  }

  function drawSummary() {
    let accepted = 0, rejected = 0;
    for (let i = 0; i < ROWS.length; i++) {
      const st = status(i);
      if (st === "accepted") accepted++;
      else if (st === "rejected") rejected++;
    }
    $("summary").textContent = `${ROWS.length} rows · ${view.length} shown · ${accepted} accepted · ${rejected} rejected · ${ROWS.length - accepted - rejected} undecided`;
  }

  function drawRows() {
    const body = $("rows");
    const page = Math.floor(cursor / PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(view.length / PAGE_SIZE));
    const rows = document.createDocumentFragment();
    for (let p = page * PAGE_SIZE; p < Math.min(view.length, (page + 1) * PAGE_SIZE); p++) rows.appendChild(drawRow(view[p], p));
    body.replaceChildren(rows);
    if (!view.length) body.appendChild(el("tr")).appendChild(el("td", "empty", "No row matches the filters.")).colSpan = 10;
    $("page-of").textContent = `page ${page + 1} of ${pages}`;
    $("prev").disabled = page === 0;
    $("next").disabled = page + 1 >= pages;
    const cur = body.querySelector("tr.cur");
    if (cur && cur.scrollIntoView) cur.scrollIntoView({ block: "nearest" });
  }

  function drawRow(i, p) {
    const r = ROWS[i], d = dec(i), st = status(i);
    const tr = el("tr", "row" + (p === cursor ? " cur" : "") + (st ? " " + st : ""));
    tr.dataset.i = i;
    tr.dataset.p = p;
    const s = tr.appendChild(el("td", "status"));
    const ok = s.appendChild(el("button", "do-accept", "✓"));
    ok.type = "button";
    ok.title = "accept (a)";
    const no = s.appendChild(el("button", "do-reject", "✗"));
    no.type = "button";
    no.title = "reject (r)";
    if (d.keep) s.appendChild(el("span", "badge keep", "EN"));
    else if (r.st.trim().toLowerCase() === "keep") s.appendChild(el("span", "badge keep", "EN")).title = "status keep: the text only uses it in English";
    const en = tr.appendChild(el("td", "en" + (d.en ? " edited" : ""), english(i)));
    if (d.en) en.title = "was: " + r.en;
    const zh = tr.appendChild(el("td", "zh" + (d.keep || d.zh ? " picked" : "")));
    zh.textContent = d.keep ? "(keep in English)" : chinese(i).join(" | ");
    tr.appendChild(el("td", "ab", r.ab));
    tr.appendChild(el("td", "cat", r.cat));
    tr.appendChild(el("td", "freq num", String(r.freq)));
    tr.appendChild(el("td", "score num", r.score));
    tr.appendChild(el("td", "conf num", r.conf));
    tr.appendChild(el("td", "method", r.method));
    tr.appendChild(el("td", "note", note(i)));
    return tr;
  }

  function section(parent, title) {
    parent.appendChild(el("h3", null, title));
    return parent;
  }

  function drawDetail() {
    const box = $("detail");
    box.replaceChildren();
    if (!view.length) return;
    const i = view[cursor], r = ROWS[i], d = dec(i);
    const close = box.appendChild(el("button", "close", "Close"));
    close.type = "button";
    close.onclick = () => document.body.classList.remove("open");
    box.appendChild(el("h2", null, english(i) + (r.ab ? ` (${r.ab})` : "")));
    box.appendChild(el("p", "was", [r.cat, `×${r.freq}`, r.score && `score ${r.score}`, r.method].filter(Boolean).join(" · ")));
    drawActions(box, i, d);
    if (notice) box.appendChild(el("p", "notice", notice)).setAttribute("role", "alert");
    drawEdits(box, i, r, d);
    drawEvidence(box, i, r, d);
    drawConcordance(box, r);
  }

  function button(parent, cls, text, on, pressed) {
    const b = parent.appendChild(el("button", cls + (pressed ? " on" : ""), text));
    b.type = "button";
    b.setAttribute("aria-pressed", pressed ? "true" : "false");
    b.onclick = on;
    return b;
  }

  function drawActions(box, i, d) {
    const actions = box.appendChild(el("div", "actions"));
    button(actions, "act-accept", "Accept (a)", () => accept(i), status(i) === "accepted");
    button(actions, "act-reject", "Reject (r)", () => reject(i), status(i) === "rejected");
    button(actions, "act-keep", "Keep in English (x)", () => keepEnglish(i), !!d.keep);
    button(actions, "act-undo", "Undo (u)", () => undo(i), false);
  }

  function field(box, id, label, value, multiline, commit) {
    const l = box.appendChild(el("label", null, label));
    const input = l.appendChild(el(multiline ? "textarea" : "input"));
    if (!multiline) input.type = "text";
    input.id = id;
    input.value = value;
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && (!multiline || ev.ctrlKey)) {
        ev.preventDefault();
        commit(input.value);
        $("rows").focus();
      } else if (ev.key === "Escape") {
        ev.preventDefault();
        input.value = value;
        input.blur();
      }
      ev.stopPropagation();
    });
    input.addEventListener("change", () => commit(input.value));
    return input;
  }

  function drawEdits(box, i, r, d) {
    field(box, "edit-en", "English (e, Enter to save)", english(i), false, (v) => editEnglish(i, v));
    if (d.en) box.appendChild(el("p", "was", "extracted as: " + r.en));
    field(box, "edit-zh", "Type a Chinese (t, Enter to save; | ; or ； between several)", d.zh && !r.zh.includes(d.zh) ? d.zh : "", false, (v) => editChinese(i, v));
    if (d.zh && !d.keep && renderings(d.zh).length > 1) {
      const typed = renderings(d.zh);
      box.appendChild(el("p", "typed", `Read as ${typed.length} renderings: ${typed.join(" · ")}`));
    }
    field(box, "edit-note", "Note (n, Ctrl+Enter to save)", note(i), true, (v) => editNote(i, v));
  }

  function drawEvidence(box, i, r, d) {
    section(box, "Renderings and evidence");
    if (!r.zh.length) box.appendChild(el("p", "honest", "The inputs give no Chinese for this term."));
    box.appendChild(el("p", "honest", "Evidence: the sentences of the occurrences kept below that hold the English and this Chinese (by plain text match: a gloss, or only nearby), counted once each."));
    const list = box.appendChild(el("ol", "renderings"));
    r.zh.forEach((zh, k) => {
      const li = list.appendChild(el("li"));
      const head = li.appendChild(el("div", "head"));
      const chosen = d.zh === zh && !d.keep;
      button(head, "pick", `${k + 1}`, () => pick(i, zh), chosen).title = `use ${zh} (${k + 1})`;
      head.appendChild(el("span", chosen ? "picked" : null, zh));
      const ev = r.ev[k] || [0, []];
      head.appendChild(el("span", "count", `${ev[0]} sentence${ev[0] === 1 ? "" : "s"}`));
      const sentences = li.appendChild(el("ul", "sentences"));
      for (const [src, line, text] of ev[1]) {
        const s = sentences.appendChild(el("li"));
        highlight(s, text, [zh, english(i), r.en, r.ab].concat(r.va));
        s.appendChild(el("span", "where", ` — ${DATA.sources[src] || "?"}:${line}`));
      }
      if (ev[0] > ev[1].length) sentences.appendChild(el("li", "honest", `… and ${ev[0] - ev[1].length} more`));
    });
  }

  /** Appends `text` with the first found of each of `terms` marked. */
  function highlight(parent, text, terms) {
    const marks = [];
    for (const t of terms) {
      if (!t) continue;
      const at = text.toLowerCase().indexOf(t.toLowerCase());
      if (at >= 0 && !marks.some(([a, b]) => at < b && a < at + t.length)) marks.push([at, at + t.length]);
    }
    marks.sort((x, y) => x[0] - y[0]);
    let pos = 0;
    for (const [a, b] of marks) {
      parent.appendChild(document.createTextNode(text.slice(pos, a)));
      parent.appendChild(el("mark", null, text.slice(a, b)));
      pos = b;
    }
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function drawConcordance(box, r) {
    section(box, `Concordance (${r.kwic.length}${r.freq > r.kwic.length ? ` of ${r.freq}` : ""})`);
    if (!r.kwic.length) box.appendChild(el("p", "honest", "No occurrence to show: the page was made without the inputs."));
    const lines = kwicAll ? r.kwic : r.kwic.slice(0, KWIC_SHOWN);
    let file = null, list = null;
    for (const [src, line, left, term, right] of lines) {
      if (src !== file) {
        file = src;
        box.appendChild(el("div", "file", DATA.sources[src] || "?"));
        list = box.appendChild(el("ul", "kwic"));
      }
      const li = list.appendChild(el("li"));
      li.appendChild(el("span", "where", `${DATA.sources[src] || "?"}:${line}`));
      li.appendChild(el("span", "left")).appendChild(el("span", null, left));
      li.appendChild(el("mark", "term", term));
      li.appendChild(el("span", "right", right));
    }
    if (lines.length < r.kwic.length) button(box, "more", `Show all ${r.kwic.length}`, () => { kwicAll = true; drawDetail(); }, false);
  }

  // ---- moving ----

  function move(to) {
    if (!view.length) return;
    const next = Math.max(0, Math.min(view.length - 1, to));
    const samePage = Math.floor(next / PAGE_SIZE) === Math.floor(cursor / PAGE_SIZE);
    if (next === cursor) return;
    kwicAll = false;
    notice = "";
    const old = $("rows").querySelector("tr.cur");
    cursor = next;
    if (samePage && old) {
      old.classList.remove("cur");
      const now = $("rows").querySelector(`tr[data-p="${cursor}"]`);
      now.classList.add("cur");
      if (now.scrollIntoView) now.scrollIntoView({ block: "nearest" });
    } else drawRows();
    drawDetail();
  }

  function focusField(id) {
    document.body.classList.add("open");
    const f = $(id);
    if (f) {
      f.focus();
      if (f.select) f.select();
    }
  }

  const KEYS = {
    j: () => move(cursor + 1),
    ArrowDown: () => move(cursor + 1),
    k: () => move(cursor - 1),
    ArrowUp: () => move(cursor - 1),
    "]": () => move((Math.floor(cursor / PAGE_SIZE) + 1) * PAGE_SIZE),
    "[": () => move((Math.floor(cursor / PAGE_SIZE) - 1) * PAGE_SIZE),
    a: () => accept(view[cursor]),
    r: () => reject(view[cursor]),
    x: () => keepEnglish(view[cursor]),
    u: () => undo(view[cursor]),
    e: () => focusField("edit-en"),
    t: () => focusField("edit-zh"),
    n: () => focusField("edit-note"),
    "/": () => $("f-text").focus(),
    Enter: () => document.body.classList.add("open"),
    Escape: () => document.body.classList.remove("open"),
  };

  document.addEventListener("keydown", (ev) => {
    const tag = ev.target.tagName;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
      if (ev.key === "Escape") ev.target.blur();
      return;
    }
    if (tag === "BUTTON" && ev.key === "Enter") return;
    let act = KEYS[ev.key];
    if (!act && /^[1-9]$/.test(ev.key) && view.length) {
      const i = view[cursor], zh = ROWS[i].zh[Number(ev.key) - 1];
      if (zh) act = () => pick(i, zh);
    }
    if (act && (view.length || ev.key === "/")) {
      ev.preventDefault();
      act();
    }
  });

  $("rows").tabIndex = -1;
  $("rows").addEventListener("click", (ev) => {
    const tr = ev.target.closest("tr.row");
    if (!tr) return;
    const i = Number(tr.dataset.i);
    move(Number(tr.dataset.p));
    if (ev.target.closest(".do-accept")) accept(i);
    else if (ev.target.closest(".do-reject")) reject(i);
    else document.body.classList.add("open");
  });
  for (const th of document.querySelectorAll("th[data-key]")) th.addEventListener("click", () => sortBy(th.dataset.key));
  $("prev").onclick = KEYS["["];
  $("next").onclick = KEYS["]"];

  // ---- filters ----

  function options(id, values) {
    for (const v of values) $(id).appendChild(el("option", null, v)).value = v;
  }
  options("f-cat", [...new Set(ROWS.map((r) => r.cat))].sort());
  options("f-method", [...new Set(ROWS.map((r) => r.method || "(none)"))].sort());
  let timer = null;
  for (const id of ["f-text", "f-smin", "f-smax", "f-fmin", "f-fmax"]) {
    $(id).addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(filter, FILTER_DELAY_MS);
    });
    // Enter filters at once and gives the keys back to the table
    $(id).addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        clearTimeout(timer);
        filter();
        ev.target.blur();
      }
    });
  }
  for (const id of ["f-cat", "f-method", "f-zh", "f-status"]) $(id).addEventListener("change", filter);
  $("filters-toggle").onclick = () => {
    const open = document.body.classList.toggle("filters-open");
    $("filters-toggle").setAttribute("aria-expanded", open ? "true" : "false");
  };
  /** Names on the toggle how many filters are in use, so a folded filter is never forgotten. */
  function drawToggle() {
    const used = [...$("filters").querySelectorAll("input, select")].filter((e) => e.value.trim() !== "").length;
    $("filters-toggle").textContent = used ? `Filters (${used} on)` : "Filters";
  }
  $("f-clear").onclick = () => {
    for (const e of $("filters").querySelectorAll("input, select")) e.value = "";
    filter();
  };

  // ---- export ----

  /** A CSV cell as the crate writes it: control characters left out, formulas neutralised, quoted when needed. */
  function csvCell(s) {
    let c = String(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
    if (TRIGGERS.test(c)) c = "'" + c;
    return /[",\r\n]/.test(c) ? '"' + c.replace(/"/g, '""') + '"' : c;
  }

  /** A TSV cell: on one line, formulas neutralised. */
  function tsvCell(s) {
    const c = String(s).replace(/[\s\u0000-\u001f\u2028\u2029\ufeff]+/g, " ").trim();
    return TRIGGERS.test(c) ? "'" + c : c;
  }

  /** The reviewed glossary as termbridge CSV: its columns, `status`, then columns a person added. */
  function exportCsv() {
    const out = [DATA.header.concat(["status"], DATA.extra).map(csvCell).join(",")];
    ROWS.forEach((r, i) => {
      const d = dec(i), en = english(i);
      const variants = r.va.slice();
      if (d.en && !variants.some((v) => v.toLowerCase() === r.en.toLowerCase())) variants.push(r.en);
      const st = dec(i).status ? { accepted: "accepted", rejected: "deleted" }[dec(i).status] : r.st;
      const cells = [en, chinese(i).join("|"), r.ab, variants.join("|"), r.cat, r.freq, r.score, r.conf, r.method, r.src, r.ctx, note(i), st];
      out.push(cells.concat(r.x).map(csvCell).join(","));
    });
    return out.join("\n") + "\n";
  }

  /** The accepted rows as an OmegaT glossary: one line per English form and Chinese. */
  function exportTsv() {
    const out = [];
    ROWS.forEach((r, i) => {
      if (status(i) !== "accepted") return;
      const comment = tsvCell([r.ab && `abbr: ${r.ab}`, note(i)].filter(Boolean).join("; "));
      for (const source of [english(i), r.ab]) {
        for (const zh of chinese(i)) {
          if (source && zh) out.push([tsvCell(source), tsvCell(zh), comment].join("\t"));
        }
      }
    });
    return out.map((l) => l + "\n").join("");
  }

  function download(name, text, type) {
    const a = el("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
  /** Forgets every decision made on this page, once the person confirms it. */
  function forgetAll() {
    const n = Object.keys(decisions).length;
    if (!n) return;
    const sure = window.confirm(`Forget all decisions on ${n} row${n === 1 ? "" : "s"} (accepted, rejected, edited, noted)? The glossary goes back to what termbridge wrote; this cannot be undone. Export first to keep them.`);
    if (!sure) return;
    decisions = {};
    notice = "";
    try {
      window.localStorage.removeItem(STORE);
    } catch (e) {
      $("storage-warning").hidden = false;
    }
    filter();
  }
  $("forget-all").onclick = forgetAll;

  $("export-csv").onclick = () => download("glossary-reviewed.csv", exportCsv(), "text/csv");
  $("export-tsv").onclick = () => download("glossary-reviewed.tsv", exportTsv(), "text/tab-separated-values");

  window.termbridgeReview = { exportCsv, exportTsv, id: DATA.id, decisions: () => decisions };
  filter();
  window.termbridgeReview.readyMs = performance.now();
})();
