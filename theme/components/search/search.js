/* Search loader: nothing about search is downloaded until the reader touches a search
   box; then the search module (assets/dh-search.js) is added once. Browsers without
   ES modules ignore it, and the form still opens the search page. */
(function () {
  var form = document.querySelector("[data-dh-search]");
  if (!form) return;
  var loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    var script = document.createElement("script");
    script.type = "module";
    script.src = form.getAttribute("data-script");
    document.head.appendChild(script);
  }
  var inputs = document.querySelectorAll("[data-dh-search-input]");
  for (var i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener("focus", load);
    inputs[i].addEventListener("input", load);
  }
  if (document.querySelector("[data-dh-search-page]") && /[?&]q=/.test(location.search)) load();
  // On a phone the header's box is folded: "Tìm" with nothing typed opens it instead of
  // going to the search page (which is where it goes without JavaScript).
  var box = form.querySelector("[data-dh-search-input]");
  form.addEventListener("submit", function (event) {
    if (!box.value.trim()) { event.preventDefault(); box.focus(); }
  });
})();
