/* The "now" card from the reader's day: glance.js (run before this file) has picked each
   plan's phase; a plan with none left is folded away, and the card says so when no phase is on. */
(function () {
  var card = document.querySelector("[data-dh-now]");
  if (!card) return;
  var plans = card.querySelectorAll("[data-dh-glance]"), any = false;
  for (var i = 0; i < plans.length; i++) {
    var shown = plans[i].querySelector("[data-dh-glance-phase]:not([hidden])");
    plans[i].hidden = !shown;
    var kind = shown && shown.querySelector("[data-dh-glance-kind]");
    any = any || (kind && kind.textContent === "Đang diễn ra");
  }
  card.querySelector("[data-dh-now-empty]").hidden = any;
})();
