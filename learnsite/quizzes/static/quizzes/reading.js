// Word look-up in the reading view: tapping, pointing at or focusing a linked word shows its entry
// from the word list (article and plural, English, level) beside it. Without this file each word
// is a link to its row in the list below the text.
(function () {
  "use strict";
  var box = document.getElementById("lookup");
  var data = document.getElementById("vocabulary-data");
  if (!box || !data) return;
  var entries = JSON.parse(data.textContent);
  var current = null;
  var shownBy = "";  // "click" toggles; a tap also sends mouseenter and focus first, which must not count
  var hideTimer = null;

  function el(tag, className, text, lang) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  }

  function show(link) {
    var entry = entries[parseInt(link.dataset.entry, 10)];
    if (!entry) return;
    window.clearTimeout(hideTimer);
    box.textContent = "";
    var head = el("p", "lookup__word", entry.display, "de");
    head.id = "lookup-word";
    box.appendChild(head);
    var facts = [entry.pos];
    if (entry.plural) facts.push(box.dataset.pluralLabel + ": " + entry.plural);
    if (entry.cefr) facts.push(box.dataset.levelLabel + " " + entry.cefr);
    box.appendChild(el("p", "lookup__facts", facts.join(" · ")));
    if (entry.gloss) box.appendChild(el("p", "lookup__gloss", entry.gloss));
    var close = el("button", "lookup__close link-button", "×");
    close.type = "button";
    close.setAttribute("aria-label", box.dataset.closeLabel);
    close.addEventListener("click", function () { hide(true); });
    box.appendChild(close);
    box.hidden = false;
    place(link);
    if (current) current.removeAttribute("aria-expanded");
    current = link;
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", "lookup");
  }

  function place(link) {
    var rect = link.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    box.style.width = width + "px";
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = (rect.bottom + window.scrollY + 6) + "px";
  }

  function hide(refocus) {
    box.hidden = true;
    if (current) {
      current.removeAttribute("aria-expanded");
      if (refocus) current.focus();
    }
    current = null;
  }

  document.querySelectorAll("a.word").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      if (current === link && !box.hidden && shownBy === "click") { hide(false); return; }
      show(link);
      shownBy = "click";
    });
    link.addEventListener("mouseenter", function () { show(link); shownBy = "hover"; });
    link.addEventListener("mouseleave", function () {
      if (shownBy === "hover") hideTimer = window.setTimeout(function () { hide(false); }, 400);
    });
    link.addEventListener("focus", function () { show(link); shownBy = "focus"; });
  });
  box.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
  box.addEventListener("mouseleave", function () { hide(false); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !box.hidden) hide(true);
  });
  document.addEventListener("click", function (event) {
    if (!box.hidden && !box.contains(event.target) && !(event.target.closest && event.target.closest("a.word"))) hide(false);
  });
})();
