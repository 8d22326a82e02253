// Follows a generation job: polls its state and updates the page; on success opens the quiz.
(function () {
  "use strict";
  var panel = document.getElementById("job");
  if (!panel) { return; }
  var url = panel.dataset.statusUrl;
  var delay = 1000;

  function show(id, visible) {
    var el = document.getElementById(id);
    if (el) { el.hidden = !visible; }
  }

  function render(s) {
    panel.dataset.state = s.state;
    document.getElementById("job-state").textContent = s.state_label;
    document.getElementById("job-step").textContent = s.finished ? "" : s.step;
    var bar = document.getElementById("job-progress");
    bar.value = s.progress;
    bar.textContent = s.progress + " %";
    var msg = document.getElementById("job-message");
    msg.textContent = s.message;
    msg.classList.toggle("flash__item--error", s.state === "failed");
    show("job-stalled", s.stalled);
    show("job-rerun", s.state === "failed" || s.stalled);
    show("job-done", s.state === "done");
    show("job-progress", s.state !== "failed");
    show("job-note", !s.finished);
  }

  function poll() {
    fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin", cache: "no-store"})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (s) {
        render(s);
        if (s.state === "done" && panel.dataset.follow !== "no") {
          window.location.assign(s.review_url);
        } else if (!s.finished) {
          delay = Math.min(delay * 1.3, 5000);
          window.setTimeout(poll, delay);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  if (panel.dataset.state === "queued" || panel.dataset.state === "running") {
    window.setTimeout(poll, delay);
  }
})();
