/* Countdown to the congress's opening, from the reader's clock (enhancement).
   Same rule as daihoi/timeline.py `countdown`. */
(function () {
  var els = document.querySelectorAll("[data-dh-countdown]");
  var DAY = 86400000;
  function utc(iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function short(iso) { var p = iso.split("-"); return p[2] + "/" + p[1] + "/" + p[0]; }
  for (var i = 0; i < els.length; i++) {
    var el = els[i], texts = JSON.parse(el.getAttribute("data-texts"));
    var opening = el.getAttribute("data-opening");
    var closing = el.getAttribute("data-closing") || opening;
    var today = daihoi.today(), kind, days = 0;
    if (!opening) kind = "unknown";
    else if (today < opening) { kind = "before"; days = Math.round((utc(opening) - utc(today)) / DAY); }
    else if (today === opening) kind = "today";
    else if (today <= closing) kind = "during";
    else kind = "after";
    el.setAttribute("data-kind", kind);
    var out = el.querySelector("[data-dh-countdown-text]");
    var text = texts[kind].replace("{closing}", closing ? short(closing) : "");
    var parts = text.split("{n}");
    out.textContent = parts[0];
    if (parts.length > 1) {
      var strong = document.createElement("strong");
      strong.className = "dh-countdown__days";
      strong.textContent = String(days);
      out.appendChild(strong);
      out.appendChild(document.createTextNode(parts[1]));
    }
  }
})();
