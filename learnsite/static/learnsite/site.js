// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // While the server analyses a text, say so and prevent a second submit.
  document.querySelectorAll("form[data-busy-label]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (!button || button.disabled) return;
      button.disabled = true;
      var note = document.createElement("span");
      note.className = "busy-note";
      note.setAttribute("role", "status");
      note.textContent = form.getAttribute("data-busy-label");
      button.insertAdjacentElement("afterend", note);
    });
  });
  // Coming back through the browser history shows the page as it was left: undo the above.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-busy-label] button[type=submit]").forEach(function (b) { b.disabled = false; });
    document.querySelectorAll(".busy-note").forEach(function (n) { n.remove(); });
  });
})();
