/* Plan badges from the reader's clock: same rule as daihoi/timeline.py `plan_state`. */
(function () {
  var badges = document.querySelectorAll("[data-dh-plan-state]"), today = daihoi.today();
  for (var i = 0; i < badges.length; i++) {
    var ranges = JSON.parse(badges[i].getAttribute("data-ranges"));
    var labels = JSON.parse(badges[i].getAttribute("data-labels"));
    var seen = {};
    for (var j = 0; j < ranges.length; j++) seen[daihoi.state(ranges[j][0], ranges[j][1], today)] = true;
    var s = seen.current ? "current" : seen.upcoming ? "upcoming" : seen.past ? "past" : "unknown";
    badges[i].className = "dh-badge dh-badge--" + s;
    badges[i].textContent = labels[s];
  }
})();
