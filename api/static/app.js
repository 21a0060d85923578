// The portfolio page: draws /page/data (timeline by year, skill graph) and asks /search.
// Written for kb; no libraries, no network beyond this server. Public data unless a token is set.
"use strict";

const TOKEN_KEY = "kb-token";
const SVG = "http://www.w3.org/2000/svg";
const state = { data: null, filter: null, names: new Map(), searched: null };

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: "Bearer " + token } : {};
}

async function getJSON(url) {
  const response = await fetch(url, { headers: authHeaders() });
  if (!response.ok) {
    let message = response.statusText;
    try { message = (await response.json()).error.message; } catch (_) { /* not JSON */ }
    throw new Error(message + " (" + response.status + ")");
  }
  return response.json();
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function status(message) {
  const box = document.getElementById("status");
  box.textContent = message || "";
  box.hidden = !message;
}

function domId(id) { return "ev-" + id.replace(/[^A-Za-z0-9_-]/g, "-"); }

// ---- filter by skill ----

function setFilter(skillId) {
  state.filter = skillId;
  const hash = skillId ? "#skill=" + encodeURIComponent(skillId) : "#";
  if (location.hash !== hash) history.replaceState(null, "", hash === "#" ? location.pathname : hash);
  renderTimeline();
  markActive();
}

function markActive() {
  document.querySelectorAll("[data-skill]").forEach((node) => {
    node.classList.toggle("active", node.dataset.skill === state.filter);
  });
  const bar = document.getElementById("filter");
  bar.hidden = !state.filter;
  document.getElementById("filter-name").textContent = state.names.get(state.filter) || state.filter || "";
}

// ---- timeline ----

function eventItem(event) {
  const chips = event.entities.map((entity) => entity.type === "skill"
    ? el("li", {}, el("button", { type: "button", class: "chip skill", "data-skill": entity.id,
        onclick: () => setFilter(entity.id) }, entity.name))
    : el("li", {}, el("span", { class: "chip " + entity.type, title: entity.type }, entity.name)));
  const sources = event.sources.map((source, i) => [i ? " · " : "",
    el("a", { href: source.url }, source.title + (source.section ? " › " + source.section : ""))]);
  return el("li", { class: "event", id: domId(event.id), "data-event": event.id, "data-start": event.start || "" },
    el("span", { class: "when" }, event.date),
    el("span", { class: "kind" }, event.kind),
    el("span", { class: "title" }, event.title),
    chips.length ? el("ul", { class: "chips" }, chips) : null,
    sources.length ? el("p", { class: "sources" }, "Source: ", sources) : null);
}

function renderTimeline() {
  const box = document.getElementById("timeline");
  box.replaceChildren();
  if (!state.data) return;
  for (const year of state.data.years) {
    const events = year.events.filter((e) => !state.filter || e.entities.some((x) => x.id === state.filter));
    if (!events.length) continue;
    box.append(el("section", { class: "year", "data-year": year.year },
      el("h3", {}, year.year === "undated" ? "Undated" : year.year),
      el("ul", { class: "events" }, events.map(eventItem))));
  }
  if (!box.children.length) box.append(el("p", { class: "meta" }, "No events."));
}

// ---- skills ----

function renderGraph(graph) {
  const box = document.getElementById("graph");
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => byId.has(e.source) && byId.has(e.target)).map((e) => svg("line", {
    x1: byId.get(e.source).x, y1: byId.get(e.source).y, x2: byId.get(e.target).x, y2: byId.get(e.target).y,
    "stroke-width": 1 + Math.log(e.weight) * 1.5,
  }));
  const nodes = graph.nodes.map((n) => {
    const group = svg("g", { class: "node", "data-skill": n.id, tabindex: "0", role: "button",
      "aria-label": n.name + ", " + n.evidence + " mentions" },
      svg("title", {}, `${n.name}: ${n.evidence} mentions, ${n.events} events, ${n.used}`),
      svg("circle", { cx: n.x, cy: n.y, r: n.r }),
      svg("text", { x: n.x, y: n.y + n.r + 13 }, n.name));
    group.addEventListener("click", () => setFilter(state.filter === n.id ? null : n.id));
    group.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); setFilter(n.id); } });
    return group;
  });
  box.replaceChildren(svg("svg", { viewBox: `0 0 ${graph.width} ${graph.height}`, role: "img",
    "aria-label": "Skill graph" }, ...edges, ...nodes));
}

function renderSkillTable(rows) {
  const body = document.querySelector("#skills tbody");
  body.replaceChildren(...rows.map((row) => el("tr", { "data-skill": row.id },
    el("td", {}, el("button", { type: "button", class: "linkish", onclick: () => setFilter(row.id) }, row.name)),
    el("td", {}, String(row.evidence)),
    el("td", {}, row.used || "—"))));
}

// ---- search ----

async function search(text) {
  const results = document.getElementById("results");
  const list = document.getElementById("hits");
  if (!text.trim()) { results.hidden = true; state.searched = null; return; }
  if (text.trim() === state.searched) return;  // Enter and the typing pause ask the same thing
  state.searched = text.trim();
  try {
    const hits = await getJSON("/search?q=" + encodeURIComponent(text.trim()) + "&limit=30");
    list.replaceChildren(...hits.map(hitItem));
    if (!hits.length) list.append(el("li", { class: "meta" }, "Nothing found for " + text.trim()));
    results.hidden = false;
  } catch (error) {
    state.searched = null;
    status("Search failed: " + error.message);
  }
}

function hitItem(hit) {
  const kind = el("span", { class: "hit-kind" }, hit.kind);
  const snippet = hit.snippet ? el("div", { class: "meta" }, hit.snippet) : null;
  let target;
  if (hit.kind === "post") {
    target = el("a", { href: "/p/" + encodeURI(hit.id) }, hit.title);
  } else if (hit.kind === "event") {
    target = el("a", { href: "#" + domId(hit.id), onclick: (ev) => {
      ev.preventDefault(); setFilter(null);
      const node = document.getElementById(domId(hit.id));
      if (node) { node.scrollIntoView({ block: "center" }); node.classList.add("hit"); }
    } }, hit.title);
  } else if (hit.id.startsWith("skill:")) {
    target = el("button", { type: "button", class: "linkish", onclick: () => setFilter(hit.id) }, hit.title);
  } else {
    target = el("span", {}, hit.title);
  }
  return el("li", { "data-hit": hit.id }, kind, target, snippet);
}

// ---- start ----

async function load() {
  status("");
  try {
    const data = await getJSON("/page/data");
    state.data = data;
    state.names = new Map(data.skills.skills.map((s) => [s.id, s.name]));
    const s = data.stats;
    const span = s.first ? ` · ${s.first.slice(0, 4)}–${(s.last || s.first).slice(0, 4)}` : "";
    const owner = sessionStorage.getItem(TOKEN_KEY) ? " · owner view" : "";
    document.getElementById("stats").textContent =
      `${s.events} events · ${s.skills} skills · ${s.posts} posts${span}${owner}`;
    renderGraph(data.skills);
    renderSkillTable(data.skills.skills);
    const match = /^#skill=(.+)$/.exec(location.hash);
    state.filter = match ? decodeURIComponent(match[1]) : null;
    renderTimeline();
    markActive();
    document.body.dataset.ready = "true";
  } catch (error) {
    status("Could not load the portfolio: " + error.message);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  let timer = null;
  const input = document.getElementById("q");
  document.getElementById("search").addEventListener("submit", (ev) => { ev.preventDefault(); search(input.value); });
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => search(input.value), 300); });
  document.getElementById("clear-filter").addEventListener("click", () => setFilter(null));
  document.getElementById("token-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const value = document.getElementById("token").value.trim();
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    document.getElementById("token").value = "";
    load();
  });
  document.getElementById("forget").addEventListener("click", () => { sessionStorage.removeItem(TOKEN_KEY); load(); });
  load();
});
