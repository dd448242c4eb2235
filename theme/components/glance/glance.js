/* The plan at a glance, from the reader's day (see glance.html): the phase is picked
   with the rule of daihoi/model/timeline.py `pick` (the current phase that started
   last, else the next to start), the days left and the next report deadline counted again. */
(function () {
  var cards = document.querySelectorAll("[data-dh-glance]");
  if (!cards.length) return;
  var today = daihoi.today();
  function days(from, to) {
    function utc(s) { var p = s.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
    return Math.round((utc(to) - utc(from)) / 86400000);
  }
  function short(iso) { var p = iso.split("-"); return p[2] + "/" + p[1] + "/" + p[0]; }
  function nextDue(rows) {
    var best = null;
    for (var i = 0; i < rows.length; i++) {
      var due = rows[i][0], dom = rows[i][1], last = rows[i][2], d = null;
      if (due) { if (due >= today) d = due; }
      else if (dom) {
        var y = +today.slice(0, 4), m = +today.slice(5, 7);
        for (var k = 0; k < 400 && !d; k++) {
          var t = new Date(Date.UTC(y, m - 1, dom));
          if (t.getUTCMonth() === m - 1) {
            var iso = t.toISOString().slice(0, 10);
            if (iso >= today) { d = (!last || iso <= last) ? iso : null; if (!d) break; }
          }
          m++; if (m > 12) { m = 1; y++; }
        }
      }
      if (d && (!best || d < best)) best = d;
    }
    return best;
  }
  for (var i = 0; i < cards.length; i++) {
    var card = cards[i], phases = card.querySelectorAll("[data-dh-glance-phase]"), best = -1, kind = "none";
    for (var j = 0; j < phases.length; j++) {
      var s = daihoi.phaseState(phases[j], today), st = phases[j].getAttribute("data-start") || "";
      if (s === "current" && (kind !== "current" || st > (phases[best].getAttribute("data-start") || ""))) { best = j; kind = "current"; }
    }
    if (kind === "none") {
      for (j = 0; j < phases.length; j++) {
        st = phases[j].getAttribute("data-start");
        if (st && st > today && (best < 0 || st < phases[best].getAttribute("data-start"))) { best = j; kind = "upcoming"; }
      }
    }
    for (j = 0; j < phases.length; j++) {
      phases[j].hidden = j !== best;
      if (j !== best) continue;
      var end = phases[j].getAttribute("data-end"), start = phases[j].getAttribute("data-start");
      phases[j].querySelector("[data-dh-glance-kind]").textContent = kind === "current" ? "Đang diễn ra" : "Sắp tới";
      var left = phases[j].querySelector("[data-dh-glance-days]");
      left.textContent = kind === "current" && end ? " · còn " + (days(today, end) + 1) + " ngày"
        : kind === "upcoming" && start ? " · bắt đầu sau " + days(today, start) + " ngày" : "";
    }
    card.querySelector("[data-dh-glance-none]").hidden = best >= 0;
    var due = nextDue(JSON.parse(card.getAttribute("data-deadlines") || "[]"));
    var line = card.querySelector("[data-dh-glance-deadline]");
    line.hidden = !due;
    if (due) line.querySelector("[data-dh-glance-deadline-text]").textContent = short(due) + " (còn " + days(today, due) + " ngày)";
  }
})();
