/* The desk works without this file; with it: a date picker beside each date box, the phase dates
   and the post preview brought up to date as the editor types, files dropped on the import box.
   Every request it makes carries the page's token, like the forms. */
(function () {
  "use strict";
  function token(form) {
    var input = form && form.querySelector("input[name=csrf]");
    return input ? input.value : "";
  }
  function iso(text) {
    var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
    if (m) return m[3] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[1]).slice(-2);
    return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : "";
  }
  function vn(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
  }
  function pickers(root) {
    root.querySelectorAll("input.date").forEach(function (box) {
      var label = document.querySelector("label[for='" + box.id + "']");
      var pick = document.createElement("input");
      pick.type = "date";
      pick.setAttribute("aria-label", "Chọn ngày trên lịch: " + (label ? label.textContent.trim() : ""));
      pick.value = iso(box.value);
      var row = document.createElement("div");
      row.className = "date-row";
      box.parentNode.insertBefore(row, box);
      row.appendChild(box);
      row.appendChild(pick);
      pick.addEventListener("change", function () {
        box.value = vn(pick.value);
        box.dispatchEvent(new Event("change", { bubbles: true }));
      });
      box.addEventListener("change", function () { pick.value = iso(box.value); });
    });
  }
  function liveDates(form) {
    var url = form.getAttribute("data-dates"), box = document.getElementById("ngay-cac-dot"), timer = null;
    if (!url || !box) return;
    form.addEventListener("change", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(url, { method: "POST", body: new FormData(form), headers: { "X-CSRF-Token": token(form) },
                     credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) { if (html !== null) box.innerHTML = html; })
          .catch(function () {});
      }, 250);
    });
  }
  function livePreview(area) {
    var form = area.form, out = document.getElementById("xem-noi-dung"), timer = null;
    if (!out) return;
    function show() {
      var data = new FormData();
      data.append("csrf", token(form));
      data.append("body", area.value);
      return fetch(area.getAttribute("data-preview"), { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) out.innerHTML = html; })
        .catch(function () {});
    }
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(show, 400);
    });
    // With scripts the preview button shows the text here, without sending the form (a chosen photo stays chosen).
    var button = form.querySelector("button[value=xem]");
    if (button) button.addEventListener("click", function (e) { e.preventDefault(); show(); });
  }
  function dropZone(zone) {
    var input = zone.querySelector("input[type=file]");
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        zone.closest("form").requestSubmit();
      }
    });
  }
  function phasePlan(select) {
    // The phase chosen names its plan: the plan list follows it.
    var plan = document.getElementById("f-plan");
    select.addEventListener("change", function () {
      if (plan && select.value) plan.value = select.value.split("|")[0];
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var dot = document.getElementById("f-dot");
    if (dot) phasePlan(dot);
    pickers(document);
    document.querySelectorAll("form[data-dates]").forEach(liveDates);
    document.querySelectorAll("textarea[data-preview]").forEach(livePreview);
    document.querySelectorAll(".drop-zone").forEach(dropZone);
  });
})();
