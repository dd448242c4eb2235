/* Phase states from the reader's clock (progressive enhancement): the page is
   built with the states of its build day, and a static page is read weeks later.
   The rule, daihoi.state, is in base/base.js. */
(function () {
  var today = daihoi.today();
  // The timelines, and the plan text whose phase headings carry a note of the same state.
  var timelines = document.querySelectorAll("[data-dh-timeline], [data-dh-phase-notes]");
  for (var i = 0; i < timelines.length; i++) {
    var labels = JSON.parse(timelines[i].getAttribute("data-labels"));
    var phases = timelines[i].querySelectorAll("[data-dh-phase]");
    for (var j = 0; j < phases.length; j++) {
      var s = daihoi.phaseState(phases[j], today);
      phases[j].setAttribute("data-state", s);
      var label = phases[j].querySelector("[data-dh-state]");
      if (label) label.textContent = labels[s];
    }
  }
})();
