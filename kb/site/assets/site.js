// The home page's search box and timeline filter (kb/site/controls.py writes their markup, hidden).
// Written for kb: no library, nothing from another host. Without it every skill is a link to its
// page, so this only adds: search over search.json, and a skill click that filters the timeline.
"use strict";

(() => {
  const MAX_RESULTS = 30;
  const fold = (text) => text.normalize("NFC").toLowerCase();
  const modified = (event) => event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;

  // ---- the timeline filter: a skill's events only ----

  const timeline = document.getElementById("timeline");
  const bar = document.getElementById("timeline-filter");

  function filterBy(skill) {
    let shown = 0;
    for (const item of timeline.querySelectorAll("li.event")) {
      const keep = !skill || Array.from(item.querySelectorAll("[data-entity]")).some((a) => a.dataset.entity === skill.id);
      item.hidden = !keep;
      shown += keep ? 1 : 0;
    }
    for (const year of timeline.querySelectorAll("section.year")) {
      year.hidden = !year.querySelector("li.event:not([hidden])");
    }
    for (const node of document.querySelectorAll("[data-entity]")) {
      node.classList.toggle("active", Boolean(skill) && node.dataset.entity === skill.id);
    }
    bar.hidden = !skill;
    if (skill) {
      bar.querySelector(".filter-name").textContent = skill.name;
      bar.querySelector(".filter-count").textContent = "(" + shown + ")";
      bar.querySelector(".filter-page").setAttribute("href", skill.href);
      bar.focus();
    }
  }

  function onSkillClick(event) {
    const link = event.target.closest("a[data-entity^='skill:']");
    if (!link || modified(event)) return;  // a new tab or window still opens the skill's page
    event.preventDefault();
    const label = link.querySelector("text") || link;  // a graph node also holds its tooltip
    filterBy({ id: link.dataset.entity, name: label.textContent.trim(), href: link.getAttribute("href") });
  }

  if (timeline && bar) {
    timeline.addEventListener("click", onSkillClick);
    const graph = document.getElementById("skill-graph");
    if (graph) graph.addEventListener("click", onSkillClick);
    bar.querySelector(".filter-clear").addEventListener("click", () => {
      filterBy(null);
      const heading = document.getElementById("timeline-title");
      heading.tabIndex = -1;
      heading.focus();
    });
  }

  // ---- search: substrings of titles and words, so 분산 finds 분산실험 ----

  const box = document.getElementById("search");
  if (!box) return;
  const input = box.querySelector("input");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  let loading = null;  // the index, fetched once when first needed

  function load() {
    loading = loading || fetch(box.dataset.index)
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then((data) => {
        for (const item of data.items) {
          item.head = fold(item.title);
          item.words = item.head + "\n" + fold(item.text);
        }
        return data;
      });
    return loading;
  }

  function find(data, query) {
    const terms = fold(query).split(/\s+/).filter(Boolean);
    const whole = fold(query.trim());
    const hits = data.items.filter((item) => terms.every((term) => item.words.includes(term)));
    const score = (item) => (item.head.startsWith(whole) ? 0 : item.head.includes(whole) ? 1 : 2);
    return hits.sort((a, b) => score(a) - score(b));  // stable: the index's order within a score
  }

  function span(className, text) {
    const node = document.createElement("span");
    node.className = className;
    node.textContent = text;
    return node;
  }

  function show(data, query) {
    const hits = find(data, query);
    const message = hits.length ? box.dataset.found : box.dataset.none;
    status.textContent = message.replace("{n}", String(hits.length)).replace("{q}", query.trim());
    list.replaceChildren(...hits.slice(0, MAX_RESULTS).map((item) => {
      const row = document.createElement("li");
      const link = document.createElement("a");
      link.href = item.href;
      link.textContent = item.title;
      row.append(span("kind", data.labels[item.type] || item.type), " ", link);
      if (item.date) row.append(" ", span("when", item.date));
      return row;
    }));
  }

  function search() {
    const query = input.value;
    if (!query.trim()) {
      status.textContent = "";
      list.replaceChildren();
      return;
    }
    load().then((data) => {
      if (input.value === query) show(data, query);  // a slow first load answers only the latest query
    }, () => {
      loading = null;
      status.textContent = box.dataset.failed;
    });
  }

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  input.addEventListener("focus", () => { load().catch(() => { loading = null; }); }, { once: true });
  box.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  list.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (link && link.getAttribute("href").startsWith("#") && bar && !bar.hidden) filterBy(null);  // show the event
  });
  box.hidden = false;
})();
