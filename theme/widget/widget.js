/* Portal widget: recompute the countdown and the phase shown from the reader's clock.
   Same rules as daihoi/model/timeline.py (state, countdown) and daihoi/site/widget.py (pick);
   the page's text, written at build time, stays for readers without JavaScript. */
(function () {
  var root = document.querySelector("[data-dhw]");
  if (!root) return;
  var data = JSON.parse(root.getAttribute("data-dhw"));
  var DAY = 86400000;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var now = new Date();
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  function utc(iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function short(iso) { var p = iso.split("-"); return p[2] + "/" + p[1] + "/" + p[0]; }
  function state(start, end) {
    if (!start && !end) return "unknown";
    if (end && end < today) return "past";
    if (start && start > today) return "upcoming";
    return "current";
  }
  function $(name) { return root.querySelector("[data-dhw-" + name + "]"); }

  var target = data.congresses[data.target], texts = data.texts;
  var opening = target.opening, closing = target.closing || opening, kind, days = 0;
  if (!opening) kind = "unknown";
  else if (today < opening) { kind = "before"; days = Math.round((utc(opening) - utc(today)) / DAY); }
  else if (today === opening) kind = "today";
  else if (today <= closing) kind = "during";
  else kind = "after";
  var out = $("countdown"), parts = texts.countdown[kind].replace("{closing}", closing ? short(closing) : "").split("{n}");
  out.setAttribute("data-kind", kind);
  out.textContent = parts[0];
  if (parts.length > 1) {
    var strong = document.createElement("strong");
    strong.textContent = String(days);
    out.appendChild(strong);
    out.appendChild(document.createTextNode(parts[1]));
  }

  var pick = "none", best = null, i, p;
  for (i = 0; i < data.phases.length; i++) {
    p = data.phases[i];
    if (state(p.start, p.end) === "current" && (!best || (p.start || "") > (best.start || ""))) best = p;
  }
  if (best) pick = "current";
  else {
    for (i = 0; i < data.phases.length; i++) {
      p = data.phases[i];
      if (p.start && p.start > today && (!best || p.start < best.start)) best = p;
    }
    if (best) pick = "upcoming";
  }
  // Every phase over: say so (daihoi/site/widget.py shown_pick).
  var over = data.phases.length > 0;
  for (i = 0; i < data.phases.length; i++) if (!(data.phases[i].end && data.phases[i].end < today)) over = false;
  if (pick === "none" && over) pick = "over";
  $("phase").setAttribute("data-pick", pick);
  $("state").textContent = texts.pick[pick];
  if (best) {
    var range = best.range_text || "";   // Phase.range_text, resolved at build time
    var link = $("link");
    link.textContent = best.name + " – Kế hoạch số " + best.plan;
    link.setAttribute("href", "../" + best.plan_url);
    $("range").textContent = range;
    $("phase-title").textContent = best.title;
  }
})();
