/* Copy buttons for slogans (enhancement: hidden until this script runs). */
(function () {
  var buttons = document.querySelectorAll("[data-dh-copy]");
  if (!buttons.length) return;
  var status = document.createElement("p");
  status.className = "md-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("data-dh-copy-status", "");
  document.body.appendChild(status);
  function copied(button) {
    var label = button.firstChild;
    label.nodeValue = "Đã sao chép";
    status.textContent = "Đã sao chép khẩu hiệu";
    setTimeout(function () { label.nodeValue = "Sao chép"; }, 2000);
  }
  function fallback(text, button) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { if (document.execCommand("copy")) copied(button); } finally { document.body.removeChild(area); }
  }
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (event) {
      var button = event.currentTarget;
      var text = button.parentNode.querySelector(".dh-slogan").textContent.trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(button); }, function () { fallback(text, button); });
      } else {
        fallback(text, button);
      }
    });
  }
})();
