// The results page refreshes its tables while learners work, keeping open what the teacher opened.
// Without this file the page shows the results as they were when it was loaded.
(function () {
  "use strict";
  var status = document.getElementById("live-status");
  var live = document.getElementById("results-live");
  if (!status || !live || !window.fetch) return;
  var seconds = parseInt(status.dataset.refresh, 10) || 15;

  function openIds() {
    return Array.prototype.map.call(live.querySelectorAll("details[open]"), function (d) { return d.id; });
  }

  function refresh() {
    if (document.hidden) return;
    // Not while the teacher is in the middle of something on the page.
    if (live.contains(document.activeElement) && document.activeElement !== document.body) return;
    fetch(status.dataset.url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var open = openIds();
        live.innerHTML = html;
        open.forEach(function (id) {
          var d = document.getElementById(id);
          if (d) d.open = true;
        });
        var now = new Date();
        status.textContent = status.dataset.template.replace("{n}", seconds)
          .replace("{time}", now.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" }));
      })
      .catch(function () { /* offline for a moment: the next round tries again */ });
  }

  window.setInterval(refresh, seconds * 1000);
})();
