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
  // Copy buttons (data-copy holds the text): the clipboard where the browser allows it, else the
  // text is selected in a field so that Ctrl+C copies it.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var label = button.textContent;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function () {
        button.textContent = button.getAttribute("data-copied") || label;
        window.setTimeout(function () { button.textContent = label; }, 2500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { selectIn(button, text); });
      } else {
        selectIn(button, text);
      }
    });
  });
  function selectIn(button, text) {
    var field = button.parentNode.querySelector("input.copy-field");
    if (!field) {
      field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.className = "copy-field";
      field.value = text;
      button.insertAdjacentElement("afterend", field);
    }
    field.focus();
    field.select();
  }
  // Coming back through the browser history shows the page as it was left: undo the above.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-busy-label] button[type=submit]").forEach(function (b) { b.disabled = false; });
    document.querySelectorAll(".busy-note").forEach(function (n) { n.remove(); });
  });
})();
