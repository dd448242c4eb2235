/* Share bar: copy the page's address, or open the phone's share sheet (Zalo is in it). */
(function () {
  var bars = document.querySelectorAll("[data-dh-share]");
  for (var i = 0; i < bars.length; i++) (function (bar) {
    var url = bar.getAttribute("data-url"), title = bar.getAttribute("data-title");
    var status = bar.querySelector("[data-dh-share-status]");
    var copy = bar.querySelector("[data-dh-share-copy]"), native = bar.querySelector("[data-dh-share-native]");
    function say(text) { status.textContent = text; copy.textContent = text; setTimeout(function () { copy.textContent = "Sao chép liên kết"; }, 2000); }
    function fallback() {
      var area = document.createElement("textarea");
      area.value = url; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
      document.body.appendChild(area); area.select();
      try { say(document.execCommand("copy") ? "Đã sao chép liên kết" : "Không sao chép được"); } finally { document.body.removeChild(area); }
    }
    copy.hidden = false;
    copy.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { say("Đã sao chép liên kết"); }, fallback);
      } else { fallback(); }
    });
    if (navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () { navigator.share({ title: title, url: url }).catch(function () {}); });
    }
  })(bars[i]);
})();
