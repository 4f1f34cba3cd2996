// The index of dossiers: every actor, filterable by name, alias and type.
const D = readData();
const rows = document.getElementById("actor-rows");
const filter = document.getElementById("filter");
const shownTypes = () => ["person", "organization"].filter((t) => document.getElementById(`type-${t}`).checked);

document.getElementById("summary").textContent =
  `${D.actors.length} actors from ${D.documents} documents`;

const drawn = D.actors.map((actor) => {
  const href = safeHref(actor.href);
  const name = href ? el("a", {href, class: `ent ${actor.type}`, text: actor.name}) : el("span", {text: actor.name});
  const aliases = actor.aliases.length ? el("div", {class: "hint", text: actor.aliases.join(", ")}) : null;
  const dates = actor.from ? `${actor.from.slice(0, 7)} – ${actor.to.slice(0, 7)}` : "";
  const row = el("tr", {}, [
    el("td", {}, [name, aliases]), el("td", {text: actor.type}),
    el("td", {class: "num", text: String(actor.documents)}), el("td", {class: "num", text: String(actor.relations)}),
    el("td", {class: "num", text: String(actor.events)}), el("td", {text: dates}),
  ]);
  rows.append(row);
  return {actor, row, key: [actor.name, ...actor.aliases].join(" ").toLowerCase()};
});

function refresh() {
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  const types = shownTypes();
  for (const {actor, row, key} of drawn) {
    row.hidden = !(types.includes(actor.type) && words.every((w) => key.includes(w)));
  }
}

filter.addEventListener("input", refresh);
for (const t of ["person", "organization"]) document.getElementById(`type-${t}`).addEventListener("change", refresh);
