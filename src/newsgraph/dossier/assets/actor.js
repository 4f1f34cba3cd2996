// One actor's dossier: profile, link chart, map, timeline and citations, all drawn from the
// JSON data block; every fact opens its sentences in the evidence panel.
const D = readData();
const ACTOR = D.actor;
const CERTAINTIES = ["asserted", "hedged", "reported", "denied"];
const TYPES = ["person", "organization", "place", "other"];
const TYPE_LABELS = {person: "people", organization: "organisations", place: "places", other: "other"};
const DAY = 86400000;
const MAP_LABELS = 12, CHART_LABELS = 24, RADIAL_ABOVE = 30;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const entity = (id) => D.entities[id] || {name: id, type: "other"};
const aboutFacts = D.order.map((id) => D.facts[id]);
const words = (type) => String(type || "").replace(/_/g, " ");

// ---------- text pieces ----------

function entityRef(id) {
  const e = entity(id);
  if (id === ACTOR) return el("span", {class: "ent self", text: e.name});
  const href = safeHref(e.href);
  return href ? el("a", {class: `ent ${e.type}`, href, text: e.name}) : el("span", {class: `ent ${e.type}`, text: e.name});
}

function badges(fact) {
  const out = [];
  if (fact.certainty && fact.certainty !== "asserted") out.push(el("span", {class: `badge ${fact.certainty}`, text: fact.certainty}));
  if (fact.modality === "planned") out.push(el("span", {class: "badge planned", text: "planned"}));
  if (fact.source) out.push(el("span", {class: "badge source", text: `according to ${entity(fact.source).name}`}));
  return out;
}

function factPhrase(fact) {
  if (fact.kind === "relation") {
    const role = fact.role ? ` (${fact.role})` : "";
    return [entityRef(fact.subject), el("span", {class: "rel", text: ` ${words(fact.type)}${role} `}), entityRef(fact.object)];
  }
  const parts = [el("strong", {text: words(fact.type)})];
  fact.participants.forEach((p, i) => {
    parts.push(i === 0 ? " — " : ", ", entityRef(p.entity));
    if (p.role) parts.push(el("span", {class: "rel", text: ` (${words(p.role)})`}));
    if (p.remote) parts.push(" ", el("span", {class: "badge remote", text: "remote"}));
  });
  if (fact.place) parts.push(el("span", {class: "rel", text: " in "}), entityRef(fact.place));
  return parts;
}

function day(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function timeLabel(time) {
  if (!time) return "undated";
  const said = time.expression ? ` (“${time.expression}”)` : "";
  if (time.value && /^\d{4}-\d{2}-\d{2}$/.test(time.value)) return day(time.value) + said;
  if (time.value && /^\d{4}-\d{2}$/.test(time.value)) {
    const [y, m] = time.value.split("-").map(Number);
    return `${MONTHS[m - 1]} ${y} (month)${said}`;
  }
  if (time.value && /^\d{4}$/.test(time.value)) return `${time.value} (year)${said}`;
  if (time.value && time.earliest && time.latest) {
    return `${time.value} (${time.granularity || "as given"}: ${day(time.earliest)} – ${day(time.latest)})${said}`;
  }
  if (time.earliest && time.latest) return `between ${day(time.earliest)} and ${day(time.latest)}${said}`;
  if (time.latest) return `before ${day(time.latest)}${said}`;
  if (time.earliest) return `after ${day(time.earliest)}${said}`;
  return `undated${said}`;
}

function documentTitle(docId) {
  const doc = D.documents[docId] || {};
  return doc.title || (doc.source ? doc.source.split("/").pop() : docId);
}

function documentCite(docId) {
  const doc = D.documents[docId] || {};
  const title = documentTitle(docId);
  const href = safeHref(doc.url);
  const parts = [href ? el("a", {href, target: "_blank", rel: "noopener noreferrer", text: title}) : el("span", {text: title})];
  if (doc.published) parts.push(` · ${day(doc.published)}`);
  if (doc.source && doc.source !== title) parts.push(` · ${doc.source}`);
  return el("div", {class: "cite"}, parts);
}

// The sentence with the names of the fact's entities marked; the text stays text nodes.
function quote(sentence, names) {
  const terms = [...new Set(names.filter((n) => n && n.length > 1))].sort((a, b) => b.length - a.length);
  const block = el("blockquote");
  if (!terms.length) { block.textContent = sentence; return block; }
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(${escaped.join("|")})`, "gi");
  let last = 0;
  for (const match of sentence.matchAll(pattern)) {
    block.append(sentence.slice(last, match.index), el("mark", {text: match[0]}));
    last = match.index + match[0].length;
  }
  block.append(sentence.slice(last));
  return block;
}

function factEntities(fact) {
  if (fact.kind === "relation") return [fact.subject, fact.object];
  return fact.participants.map((p) => p.entity).concat(fact.place ? [fact.place] : []);
}

function namesOf(ids) {
  return ids.flatMap((id) => [entity(id).name].concat(id === ACTOR ? entity(id).aliases || [] : []));
}

function factCard(fact, tag) {
  const classes = ["fact", fact.certainty, fact.modality === "planned" ? "planned" : ""].join(" ");
  const card = el(tag || "article", {class: classes, "data-fact": fact.id}, [
    el("div", {class: "fact-head"}, factPhrase(fact).concat(badges(fact))),
  ]);
  if (fact.kind === "event") card.append(el("div", {class: "when", text: timeLabel(fact.time)}));
  if (fact.corroboration > 1) card.append(sourcesNote(fact));
  for (const conflict of fact.conflicts || []) card.append(conflictNote(conflict));
  const names = namesOf(factEntities(fact));
  for (const ev of fact.evidence) card.append(quote(ev.sentence, names), documentCite(ev.doc));
  return card;
}

// An event told by several documents: how many, and who told it first.
function sourcesNote(fact) {
  const first = fact.first_reported;
  const said = first ? `; first reported ${day(first.published)} by ${documentTitle(first.doc)}` : "";
  return el("div", {class: "sources", text: `${fact.corroboration} sources${said}`});
}

// Where those documents disagree: every value with the documents giving it, none preferred.
function conflictNote(conflict) {
  const value = (v) => (conflict.field === "place" ? entity(v).name : v);
  const sides = conflict.values.map((v) => `${value(v.value)} (${v.docs.map(documentTitle).join(", ")})`);
  return el("div", {class: "conflict", text: `sources disagree on ${conflict.field}: ${sides.join(" · ")}`});
}

// ---------- evidence panel ----------

const evidenceBody = document.getElementById("evidence-body");
let selected = null;

function select(node) {
  if (selected) selected.classList.remove("selected");
  selected = node;
  if (node) node.classList.add("selected");
}

function showFacts(title, facts, extra) {
  evidenceBody.replaceChildren(el("h3", {text: title}));
  if (extra) evidenceBody.append(extra);
  if (!facts.length && !extra) evidenceBody.append(el("p", {class: "hint", text: "No fact links these in the export."}));
  for (const fact of facts) evidenceBody.append(factCard(fact));
}

// A link that is only a shared article: its evidence is a sentence of each shared article.
function showShared(title, shared, entityId) {
  const list = el("div", {}, [el("p", {class: "hint", text: `Named in ${shared.length} of the same articles; no relation or event links them.`})]);
  for (const {doc, sentence} of shared) list.append(quote(sentence, namesOf([ACTOR, entityId])), documentCite(doc));
  showFacts(title, [], list);
}

// ---------- profile ----------

function drawHeader() {
  const actor = entity(ACTOR);
  document.getElementById("actor-name").textContent = actor.name;
  const badge = document.getElementById("actor-type");
  badge.textContent = actor.type;
  badge.classList.add(actor.type);
  const aliases = document.getElementById("actor-aliases");
  if ((actor.aliases || []).length) aliases.append(el("span", {text: "also"}));
  for (const alias of actor.aliases || []) aliases.append(el("span", {class: "alias", text: alias}));
  const home = document.getElementById("home");
  if (safeHref(D.home)) { home.href = D.home; home.hidden = false; }
}

function drawProfile() {
  const events = aboutFacts.filter((f) => f.kind === "event");
  const days = events.flatMap((f) => [f.time && f.time.earliest, f.time && f.time.latest]).filter(Boolean).sort();
  const stats = [
    ["documents", Object.keys(D.documents).length],
    ["relations", aboutFacts.length - events.length],
    ["events", events.length],
    ["period", days.length ? `${days[0].slice(0, 4)}–${days[days.length - 1].slice(0, 4)}` : "—"],
  ];
  document.getElementById("stats").replaceChildren(...stats.map(([k, v]) => el("div", {}, [el("dt", {text: k}), el("dd", {text: String(v)})])));

  const affiliations = document.getElementById("affiliations");
  const relations = aboutFacts.filter((f) => f.kind === "relation");
  if (!relations.length) affiliations.append(el("li", {class: "hint", text: "No relations in the export."}));
  for (const fact of relations) {
    affiliations.append(el("li", {"data-fact": fact.id, onclick: (e) => { select(e.currentTarget); showFacts(words(fact.type), [fact]); }},
      factPhrase(fact).concat(badges(fact))));
  }
  const docs = document.getElementById("documents");
  const ordered = Object.entries(D.documents).sort((a, b) => (b[1].published || "").localeCompare(a[1].published || ""));
  for (const [id, doc] of ordered) {
    const meta = [doc.published ? day(doc.published) : "undated", doc.mentions ? `${doc.mentions} mention${doc.mentions > 1 ? "s" : ""}` : "cited"];
    docs.append(el("li", {}, [documentCite(id).firstChild, el("div", {class: "meta", text: meta.join(" · ")})]));
  }
  if (D.omitted.documents) docs.append(el("li", {class: "hint", text: `${D.omitted.documents} older documents not listed`}));
}

// ---------- pan and zoom (chart and map) ----------

function panZoom(svg, box, onChange) {
  let view = {...box};
  const apply = () => { svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`); if (onChange) onChange(view); };
  const toSvg = (event) => {
    const point = svg.createSVGPoint();
    point.x = event.clientX; point.y = event.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  };
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const at = toSvg(event);
    const factor = event.deltaY > 0 ? 1.15 : 1 / 1.15;
    view = {x: at.x - (at.x - view.x) * factor, y: at.y - (at.y - view.y) * factor, w: view.w * factor, h: view.h * factor};
    apply();
  }, {passive: false});
  let drag = null;
  svg.addEventListener("pointerdown", (event) => {
    if (event.target.closest("[data-drag]")) return;
    drag = {start: toSvg(event), view: {...view}};
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const at = toSvg(event);
    view.x -= at.x - drag.start.x; view.y -= at.y - drag.start.y;
    apply();
  });
  svg.addEventListener("pointerup", () => { drag = null; });
  apply();
  return {toSvg};
}

// A view box around [x0, x1] x [y0, y1] with the svg's own aspect ratio, centred.
function fitBox(svg, x0, y0, x1, y1) {
  const aspect = (svg.clientWidth || 600) / (svg.clientHeight || 400);
  let w = x1 - x0, h = y1 - y0;
  if (w / h < aspect) w = h * aspect; else h = w / aspect;
  return {x: (x0 + x1 - w) / 2, y: (y0 + y1 - h) / 2, w, h};
}

// ---------- link chart ----------

function layout(nodes, edges, size) {
  // Fruchterman–Reingold from a fixed circle, so the same page always draws the same chart.
  const k = size / Math.sqrt(Math.max(nodes.length, 1)) * 0.9;
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length - 1, 1);
    n.x = i === 0 ? 0 : Math.cos(angle) * size / 3;
    n.y = i === 0 ? 0 : Math.sin(angle) * size / 3;
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let heat = size / 8;
  for (let step = 0; step < 300; step++) {
    for (const n of nodes) { n.dx = 0; n.dy = 0; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y;
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        const push = (k * k) / dist / dist;
        a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
      }
    }
    for (const edge of edges) {
      const a = byId.get(edge.source), b = byId.get(edge.target);
      const dx = a.x - b.x, dy = a.y - b.y;
      const dist = Math.max(Math.hypot(dx, dy), 0.01);
      // Links among neighbours pull less than the actor's own, so a dense neighbourhood
      // spreads around the actor instead of collapsing into one knot.
      const own = a === nodes[0] || b === nodes[0];
      const pull = (edge.kind === "co-mention" ? 0.5 : own ? 1 : 0.25) * dist / k;
      a.dx -= dx * pull; a.dy -= dy * pull; b.dx += dx * pull; b.dy += dy * pull;
    }
    for (const n of nodes.slice(1)) {
      const len = Math.max(Math.hypot(n.dx, n.dy), 0.01);
      n.x += (n.dx / len) * Math.min(len, heat);
      n.y += (n.dy / len) * Math.min(len, heat);
    }
    heat = Math.max(heat * 0.985, 1);
  }
}

// A crowded neighbourhood as rings around the actor: linked by facts inside, only named in
// the same articles outside, grouped by type, so no node hides another.
function radial(nodes) {
  const [actor, ...rest] = nodes;
  actor.x = 0; actor.y = 0;
  const coMentioned = new Set(D.chart.edges.filter((e) => e.kind === "co-mention").flatMap((e) => [e.source, e.target]));
  rest.sort((a, b) => (coMentioned.has(a.id) - coMentioned.has(b.id)) || TYPES.indexOf(a.type) - TYPES.indexOf(b.type) || a.rank - b.rank);
  let placed = 0;
  for (let ring = 1; placed < rest.length; ring++) {
    const radius = 70 * ring, room = Math.floor((2 * Math.PI * radius) / 34);
    const members = rest.slice(placed, placed + room);
    members.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / members.length + ring * 0.4;
      n.x = Math.cos(angle) * radius; n.y = Math.sin(angle) * radius;
    });
    placed += members.length;
  }
}

const filters = {types: new Set(TYPES), certainties: new Set(CERTAINTIES), planned: true, coMentions: true};

function factVisible(fact) {
  return filters.certainties.has(fact.certainty) && (fact.modality !== "planned" || filters.planned);
}

function edgeFacts(edge) {
  return (edge.facts || []).map((id) => D.facts[id]).filter((f) => f && factVisible(f));
}

function edgeStyle(facts) {
  for (const certainty of CERTAINTIES) {
    const found = facts.filter((f) => f.certainty === certainty);
    if (found.length && certainty === "asserted" && found.every((f) => f.modality === "planned")) return "planned";
    if (found.length) return certainty;
  }
  return "asserted";
}

function edgeLabel(facts) {
  return [...new Set(facts.map((f) => words(f.type)))].slice(0, 2).join(", ");
}

function drawChart() {
  const svg = document.getElementById("chart-svg");
  const nodes = D.chart.nodes.map((n, rank) => ({...n, ...entity(n.id), rank}));  // most linked first
  const edges = D.chart.edges;
  const crowded = nodes.length > RADIAL_ABOVE;
  if (crowded) { radial(nodes); svg.classList.add("crowded"); }
  else layout(nodes, edges, 100 + 60 * Math.sqrt(nodes.length));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const pad = 90;  // room for the labels of the outermost nodes
  const box = fitBox(svg, Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad);
  const edgeLayer = svgEl("g"), labelLayer = svgEl("g"), nodeLayer = svgEl("g");
  svg.append(edgeLayer, labelLayer, nodeLayer);
  let toSvg = null, unit = 1;  // unit: svg units per screen pixel, so nodes and labels keep their size

  const drawn = edges.map((edge) => {
    const line = svgEl("line", {class: "edge"});
    const hit = svgEl("line", {class: "edge-hit", "data-edge": `${edge.source}|${edge.target}`});
    const label = svgEl("text", {class: "edge-label", "text-anchor": "middle"});
    hit.addEventListener("click", () => {
      select(line);
      const title = `${entity(edge.source).name} — ${entity(edge.target).name}`;
      if (edge.kind === "co-mention") showShared(title, edge.documents, edge.target === ACTOR ? edge.source : edge.target);
      else showFacts(title, edgeFacts(edge));
    });
    edgeLayer.append(line, hit);
    labelLayer.append(label);
    return {edge, line, hit, label};
  });

  const nodeViews = nodes.map((n) => {
    const grow = crowded ? 3 : 9;  // crowded charts keep their nodes small
    const radius = n.id === ACTOR ? 16 : 7 + Math.min(grow, Math.sqrt(n.weight) * 2);
    const group = svgEl("g", {class: `node ${n.type}${n.id === ACTOR ? " actor" : ""}`, "data-drag": "1", "data-node": n.id}, [
      svgEl("circle", {r: radius}),
      n.id === ACTOR || n.rank < (crowded ? CHART_LABELS / 2 : CHART_LABELS) ? svgEl("text", {y: radius + 13, "text-anchor": "middle", text: n.name}) : null,
      svgEl("title", {text: `${n.name} (${n.type})`}),
    ]);
    nodeLayer.append(group);
    let moved = false, dragging = false;
    group.addEventListener("pointerdown", (event) => { dragging = true; moved = false; group.setPointerCapture(event.pointerId); event.stopPropagation(); });
    group.addEventListener("pointermove", (event) => {
      if (!dragging) return;
      const at = toSvg(event);
      n.x = at.x; n.y = at.y; moved = true;
      place();
    });
    group.addEventListener("pointerup", () => {
      dragging = false;
      if (!moved) nodeEvidence(n, group);
    });
    return {n, group};
  });

  function nodeEvidence(n, group) {
    select(group.querySelector("circle"));
    if (n.id === ACTOR) { showFacts(n.name, aboutFacts.filter(factVisible)); return; }
    const touching = drawn.filter((d) => d.edge.source === n.id || d.edge.target === n.id);
    const facts = [...new Set(touching.flatMap((d) => edgeFacts(d.edge)))];
    const coMention = touching.find((d) => d.edge.kind === "co-mention");
    if (!facts.length && coMention) showShared(n.name, coMention.edge.documents, n.id);
    else showFacts(n.name, facts);
  }

  function place() {
    for (const {edge, line, hit, label} of drawn) {
      const a = byId.get(edge.source), b = byId.get(edge.target);
      for (const l of [line, hit]) { l.setAttribute("x1", a.x); l.setAttribute("y1", a.y); l.setAttribute("x2", b.x); l.setAttribute("y2", b.y); }
      label.setAttribute("x", (a.x + b.x) / 2); label.setAttribute("y", (a.y + b.y) / 2 - 3);
    }
    for (const {n, group} of nodeViews) group.setAttribute("transform", `translate(${n.x},${n.y}) scale(${unit})`);
  }

  function refresh() {
    const shownNodes = new Set([ACTOR]);
    for (const d of drawn) {
      const facts = edgeFacts(d.edge);
      const ends = [byId.get(d.edge.source), byId.get(d.edge.target)];
      const typesOk = ends.every((n) => n.id === ACTOR || filters.types.has(n.type));
      const visible = typesOk && (d.edge.kind === "co-mention" ? filters.coMentions : facts.length > 0);
      for (const shape of [d.line, d.hit, d.label]) shape.style.display = visible ? "" : "none";
      if (!visible) continue;
      ends.forEach((n) => shownNodes.add(n.id));
      const style = d.edge.kind === "co-mention" ? "co-mention" : edgeStyle(facts);
      const context = d.edge.source !== ACTOR && d.edge.target !== ACTOR ? " context" : "";
      d.line.setAttribute("class", `edge ${style}${context}${d.line.classList.contains("selected") ? " selected" : ""}`);
      // Only the actor's own links are labelled, and only in an uncrowded chart: labels would pile up.
      d.label.textContent = d.edge.kind === "co-mention" || context || crowded ? "" : edgeLabel(facts);
    }
    for (const {n, group} of nodeViews) group.style.display = shownNodes.has(n.id) ? "" : "none";
  }

  ({toSvg} = panZoom(svg, box, (view) => {
    unit = view.w / (svg.clientWidth || 600);
    svg.style.setProperty("--unit", unit);
    place();
  }));
  drawFilters(refresh);
  refresh();
  const note = document.getElementById("chart-note");
  if (D.chart.omitted) { note.hidden = false; note.textContent = `${D.chart.omitted} more linked entities not drawn (the least linked).`; }
  if (nodes.length === 1) { note.hidden = false; note.textContent = "No relation, event or shared article links this actor to another entity."; }
}

function drawFilters(refresh) {
  const box = document.getElementById("chart-filters");
  const toggle = (label, checked, onChange, cls) => el("label", {class: cls}, [
    el("input", {type: "checkbox", checked, onchange: (e) => { onChange(e.target.checked); refresh(); }}), label]);
  const setToggle = (set, value) => (on) => (on ? set.add(value) : set.delete(value));
  box.append(el("span", {class: "group", text: "Show"}));
  for (const type of TYPES) box.append(toggle(TYPE_LABELS[type], true, setToggle(filters.types, type)));
  box.append(el("span", {class: "group", text: "Certainty"}));
  for (const c of CERTAINTIES) box.append(toggle(c, true, setToggle(filters.certainties, c)));
  box.append(toggle("planned", true, (on) => { filters.planned = on; }));
  box.append(toggle("same article", true, (on) => { filters.coMentions = on; }));
}

// ---------- map ----------

function drawMap() {
  const svg = document.getElementById("map-svg");
  const layer = document.getElementById("map-points");
  const popup = document.getElementById("map-popup");
  const points = D.places;
  let box = fitBox(svg, 0, 40, 1440, 600);
  if (points.length) {
    const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const w = Math.max(100, (Math.max(...xs) - Math.min(...xs)) * 1.6), h = Math.max(70, (Math.max(...ys) - Math.min(...ys)) * 1.6);
    box = fitBox(svg, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
  } else {
    const note = document.getElementById("map-note");
    note.hidden = false;
    note.textContent = "No place with coordinates is linked to this actor.";
  }
  const markers = [];
  const scale = (view) => {
    const px = view.w / (svg.clientWidth || 600);  // svg units per screen pixel: markers keep their pixel size
    const taken = [];  // label boxes already placed, in svg units: a label that would overlap moves down
    for (const {point, circle, label} of markers) {
      const r = px * (point.how === "co-mention" ? 4 : 6 + Math.min(5, 2 * Math.sqrt(point.facts.length)));
      circle.setAttribute("r", r);
      if (label.style.display === "none") continue;
      const box = {x: point.x + r + 3 * px, y: point.y + 4 * px, w: 7 * px * label.textContent.length, h: 13 * px};
      while (taken.some((t) => box.x < t.x + t.w && t.x < box.x + box.w && box.y < t.y + t.h && t.y < box.y + box.h)) box.y += box.h;
      taken.push(box);
      label.setAttribute("x", box.x); label.setAttribute("y", box.y);
      label.style.fontSize = `${11 * px}px`;
    }
    popup.hidden = true;
  };
  // Only the busiest places are labelled (those of most facts, then those of most shared
  // articles), so that a crowded map stays legible; every marker has its name on hover.
  const busiest = points.slice().sort((a, b) => b.facts.length - a.facts.length || b.documents.length - a.documents.length);
  const labelled = new Set(busiest.slice(0, MAP_LABELS).map((p) => p.entity));
  for (const point of points) {
    const place = entity(point.entity);
    const coarse = COARSE_PRECISIONS.has((place.geo || {}).precision) ? " coarse" : "";
    const circle = svgEl("circle", {class: `map-point ${point.how}${coarse}`, cx: point.x, cy: point.y, "data-place": point.entity}, [
      svgEl("title", {text: `${place.name} (${whereLabel(place.geo)})`})]);
    const label = svgEl("text", {class: "map-label", text: place.name});
    if (!labelled.has(point.entity)) label.style.display = "none";
    circle.addEventListener("click", (event) => { event.stopPropagation(); openPopup(point, circle); });
    circle.addEventListener("pointerdown", (event) => event.stopPropagation());
    markers.push({point, circle, label});
  }
  // Points linked by facts are drawn last, above the places only named in the same articles.
  layer.append(...markers.map((m) => m.label), ...markers.slice().reverse().map((m) => m.circle));
  panZoom(svg, box, scale);

  function openPopup(point, circle) {
    select(circle);
    const place = entity(point.entity);
    const facts = point.facts.map((id) => D.facts[id]);
    const list = el("ul");
    for (const fact of facts) {
      const label = fact.kind === "event" ? `${words(fact.type)}, ${timeLabel(fact.time)}` : words(fact.type);
      list.append(el("li", {}, [el("button", {text: label, onclick: () => showFacts(place.name, [fact])})].concat(badges(fact))));
    }
    if (!facts.length) list.append(el("li", {text: point.how === "self" ? "this place" : `named in ${point.documents.length} of the same articles`}));
    popup.replaceChildren(el("h4", {text: place.name}), el("p", {class: "where", text: whereLabel(place.geo)}), list);
    popup.hidden = false;
    const wrap = popup.parentElement.getBoundingClientRect(), at = circle.getBoundingClientRect();
    const right = at.right - wrap.left + 8, left = at.left - wrap.left - popup.offsetWidth - 8;
    popup.style.left = `${right + popup.offsetWidth <= wrap.width || left < 0 ? right : left}px`;
    popup.style.top = `${Math.max(4, Math.min(at.top - wrap.top - 10, wrap.height - popup.offsetHeight - 4))}px`;
    if (facts.length) showFacts(place.name, facts);
    else if (point.documents.length) showShared(place.name, point.documents, point.entity);
  }
}

// A point of these precisions stands for a whole area: drawn with a dashed ring.
const COARSE_PRECISIONS = new Set(["continent", "country", "region"]);

function whereLabel(geo) {
  // "Balochistan, PK · city": the region and country a place lies in, and how fine its point is.
  if (!geo) return "";
  const where = [geo.region, geo.country].filter(Boolean).join(", ");
  return [where, geo.precision].filter(Boolean).join(" · ");
}

// ---------- timeline ----------

function interval(time) {
  // [start, end) in ms and how the time is known; a month or a year is its whole span.
  if (!time) return {kind: "undated"};
  const ms = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  const v = time.value;
  if (v && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) {
    const [y, m, d] = v.split("-").map(Number);
    const start = Date.UTC(y, m ? m - 1 : 0, d || 1);
    const end = d ? start + DAY : m ? Date.UTC(y, m, 1) : Date.UTC(y + 1, 0, 1);
    return {kind: "dated", start, end};
  }
  // Other values (a week "2023-W41", a quarter, a season) are the span their bounds give.
  if (v && time.earliest && time.latest) return {kind: "dated", start: ms(time.earliest), end: ms(time.latest) + DAY};
  if (time.earliest || time.latest) {
    return {kind: "range", start: time.earliest ? ms(time.earliest) : null, end: time.latest ? ms(time.latest) + DAY : null};
  }
  return {kind: "undated"};
}

function drawTimeline() {
  const svg = document.getElementById("timeline-svg");
  const events = aboutFacts.filter((f) => f.kind === "event").map((f) => ({fact: f, ...interval(f.time)}));
  const placed = events.filter((e) => e.kind !== "undated");
  const undated = events.filter((e) => e.kind === "undated");
  const width = svg.clientWidth || 900;
  const left = 110, right = 20, rowH = 24, top = 28;
  svg.append(svgEl("defs", {}, [
    svgEl("pattern", {id: "planned-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"}, [
      svgEl("rect", {width: 6, height: 6, fill: "#f3eefb"}), svgEl("rect", {width: 3, height: 6, fill: "#cdb8ef"})]),
    svgEl("linearGradient", {id: "range-fade"}, [
      svgEl("stop", {offset: "0", "stop-color": "#c3ccd5", "stop-opacity": ".25"}),
      svgEl("stop", {offset: ".5", "stop-color": "#9aa5b1", "stop-opacity": ".55"}),
      svgEl("stop", {offset: "1", "stop-color": "#c3ccd5", "stop-opacity": ".25"})]),
  ]));
  const bounds = placed.flatMap((e) => [e.start, e.end]).filter((x) => x !== null);
  if (!bounds.length) {
    svg.setAttribute("height", 40);
    svg.append(svgEl("text", {x: 12, y: 24, class: "lane-label", text: events.length ? "No event with a known date" : "No events in the export"}));
  } else {
    let lo = Math.min(...bounds), hi = Math.max(...bounds);
    const span = Math.max(hi - lo, 60 * DAY);
    lo -= span * 0.04; hi += span * 0.04;
    const x = (t) => left + ((t - lo) / (hi - lo)) * (width - left - right);
    let y = top;
    const lanes = [["dated", "Dated"], ["range", "Date range"]];
    const rows = [];
    for (const [kind, title] of lanes) {
      const items = placed.filter((e) => e.kind === kind).sort((a, b) => (a.start ?? lo) - (b.start ?? lo));
      if (!items.length) continue;
      const ends = [];  // greedy packing: each item goes to the first row that is free
      for (const item of items) {
        const x0 = x(item.start ?? lo), x1 = Math.max(x(item.end ?? hi), x0 + 4);  // a day is a thin bar, still clickable
        const text = timelineLabel(item.fact);
        const labelWidth = 6.3 * text.length + 6;
        const flip = x1 + labelWidth > width - right;  // near the right edge the label goes left of the bar
        const from = flip ? x0 - labelWidth : x0, to = flip ? x1 : x1 + labelWidth;
        let row = ends.findIndex((end) => end < from);
        if (row < 0) { row = ends.length; ends.push(0); }
        ends[row] = to + 4;
        rows.push({item, x0, x1, y: y + row * rowH, text, flip});
      }
      svg.append(svgEl("rect", {class: "lane-bg", x: 0, y: y - 4, width, height: ends.length * rowH + 4}),
                 svgEl("text", {class: "lane-label", x: 10, y: y + 14, text: title}));
      y += ends.length * rowH + 10;
    }
    svg.setAttribute("height", y + 4);
    drawAxis(svg, lo, hi, x, top - 8, y);
    for (const {item, x0, x1, y: rowY, text, flip} of rows) {
      const fact = item.fact;
      const cls = ["tl-item", fact.certainty, fact.modality === "planned" ? "planned" : "", item.kind === "range" ? "range" : ""].join(" ");
      const rect = svgEl("rect", {x: x0, y: rowY, width: x1 - x0, height: rowH - 8});
      const group = svgEl("g", {class: cls, "data-fact": fact.id}, [rect,
        svgEl("text", {x: flip ? x0 - 5 : x1 + 5, y: rowY + 12, "text-anchor": flip ? "end" : "start", text}),
        svgEl("title", {text: `${words(fact.type)}: ${timeLabel(fact.time)}`})]);
      group.addEventListener("click", () => { select(rect); showFacts(`${words(fact.type)}, ${timeLabel(fact.time)}`, [fact]); });
      svg.append(group);
    }
  }
  const box = document.getElementById("undated");
  if (undated.length) box.append(el("span", {class: "lane-label", text: "Undated"}));
  for (const {fact} of undated) {
    box.append(el("span", {class: "chip", "data-fact": fact.id}, [
      el("button", {text: words(fact.type), onclick: (e) => { select(e.currentTarget.parentElement); showFacts(`${words(fact.type)}, undated`, [fact]); }}),
      ...badges(fact)]));
  }
}

function timelineLabel(fact) {
  const place = fact.place ? ` · ${entity(fact.place).name}` : "";
  return words(fact.type) + place + (fact.modality === "planned" ? " (planned)" : "");
}

function drawAxis(svg, lo, hi, x, y, bottom) {
  const axis = svgEl("g", {class: "axis"});
  const years = (hi - lo) / (365 * DAY);
  const first = new Date(lo);
  const ticks = [];
  if (years > 2.5) {
    const step = Math.ceil(years / 10);
    for (let yr = first.getUTCFullYear() + 1; Date.UTC(yr, 0, 1) < hi; yr += step) ticks.push([Date.UTC(yr, 0, 1), String(yr)]);
  } else {
    const step = years > 1 ? 3 : 1;
    for (let t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1); t < hi; ) {
      const d = new Date(t);
      ticks.push([t, d.getUTCMonth() === 0 ? `${d.getUTCFullYear()}` : MONTHS[d.getUTCMonth()]]);
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1);
    }
  }
  for (const [t, label] of ticks) {
    axis.append(svgEl("line", {x1: x(t), x2: x(t), y1: y + 4, y2: bottom}), svgEl("text", {x: x(t) + 3, y, text: label}));
  }
  svg.prepend(axis);
}

// ---------- citations ----------

function drawCitations() {
  const list = document.getElementById("citation-list");
  if (!aboutFacts.length) list.append(el("li", {class: "hint", text: "The export holds no relation or event about this actor yet; the names in context are below."}));
  for (const fact of aboutFacts) list.append(factCard(fact, "li"));
  const note = document.getElementById("citation-note");
  if (D.omitted.facts) { note.hidden = false; note.textContent = `${D.omitted.facts} more facts about this actor are in the export but not on this page.`; }
  const mentions = document.getElementById("mention-list");
  for (const m of D.mentions) mentions.append(el("li", {}, [quote(m.sentence, [m.text]), documentCite(m.doc)]));
  if (!aboutFacts.length) document.getElementById("mentions").open = true;
}

drawHeader();
drawProfile();
drawChart();
drawMap();
drawTimeline();
drawCitations();
