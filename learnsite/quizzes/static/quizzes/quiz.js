// Instant feedback without a page reload. Without this file every answer is a normal POST and
// the page comes back with the feedback, so nothing depends on it.
(function () {
  "use strict";
  var announcer = document.getElementById("announcer");
  var progress = document.getElementById("progress");

  function bind(form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) return;
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        if (!result.ok) {
          if (button) button.disabled = false;
          announce(result.data.error || "");
          showError(form, result.data.error || "");
          return;
        }
        var item = form.closest("li");
        var holder = document.createElement("div");
        holder.innerHTML = result.data.html;
        var fresh = holder.firstElementChild;
        item.replaceWith(fresh);
        var feedback = fresh.querySelector(".feedback");
        announce(feedback ? feedback.textContent.replace(/\s+/g, " ").trim() : "");
        if (progress && progress.dataset.template) {
          progress.textContent = progress.dataset.template
            .replace("{done}", result.data.answered).replace("{total}", result.data.total);
        }
        focusNext(fresh);
      }).catch(function () {
        // The network failed: fall back to a normal submit, which explains any error itself.
        form.submit();
      });
    });
  }

  // The first field a learner can still answer after ``item`` (the form's hidden CSRF input and
  // answered fields do not count), else the way on: the next step or the finish button.
  var OPEN_FIELD = "input:not([type=hidden]):not([readonly]):not([disabled]), select:not([disabled])";

  function focusNext(item) {
    var items = Array.prototype.slice.call(document.querySelectorAll("li.q-item"));
    var after = items.slice(items.indexOf(item) + 1).concat(items.slice(0, items.indexOf(item)));
    for (var i = 0; i < after.length; i++) {
      var field = after[i].querySelector(OPEN_FIELD);
      if (field) { field.focus(); return; }
    }
    var onward = document.querySelector(".next-step a, form.finish button");
    if (onward) onward.focus();
  }

  function showError(form, message) {
    var box = form.querySelector(".feedback");
    if (!box) return;
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "feedback__verdict feedback__verdict--wrong";
    p.textContent = message;
    box.appendChild(p);
  }

  function announce(text) {
    if (!announcer) return;
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  document.querySelectorAll("form.q-form").forEach(bind);
})();
