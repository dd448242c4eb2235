/* Shared by the components' scripts; loaded first in the bundle.
   daihoi.state is the rule of daihoi/timeline.py `state`: ISO dates compared as
   strings, both ends inclusive. */
document.documentElement.className = document.documentElement.className.replace("no-js", "js");

var daihoi = window.daihoi || (window.daihoi = {});

daihoi.today = function () {
  var d = new Date();
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
};

daihoi.state = function (start, end, today) {
  if (!start && !end) return "unknown";
  if (end && end < today) return "past";
  if (start && start > today) return "upcoming";
  return "current";
};

daihoi.phaseState = function (el, today) {
  return daihoi.state(el.getAttribute("data-start"), el.getAttribute("data-end"), today);
};
