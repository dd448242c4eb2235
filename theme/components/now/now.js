/* Show the phases current on the reader's day (see now.html). */
(function () {
  var card = document.querySelector("[data-dh-now]");
  if (!card) return;
  var today = daihoi.today(), any = false;
  var plans = card.querySelectorAll("[data-dh-now-plan]");
  for (var i = 0; i < plans.length; i++) {
    var phases = plans[i].querySelectorAll("[data-dh-phase]"), shown = false;
    for (var j = 0; j < phases.length; j++) {
      var current = daihoi.phaseState(phases[j], today) === "current";
      phases[j].hidden = !current;
      shown = shown || current;
    }
    plans[i].hidden = !shown;
    any = any || shown;
  }
  card.querySelector("[data-dh-now-empty]").hidden = any;
})();
