/* The "now" card from the reader's day: glance.js (run before this file) has picked each
   plan's phase; only plans with a phase on today stay, and the card says so when none is. */
(function () {
  var card = document.querySelector("[data-dh-now]");
  if (!card) return;
  var plans = card.querySelectorAll("[data-dh-glance]"), any = false;
  for (var i = 0; i < plans.length; i++) {
    var shown = plans[i].querySelector("[data-dh-glance-phase]:not([hidden])");
    var kind = shown && shown.querySelector("[data-dh-glance-kind]");
    var on = !!kind && kind.textContent === "Đang diễn ra";
    plans[i].hidden = !on;
    any = any || on;
  }
  card.querySelector("[data-dh-now-empty]").hidden = any;
})();
