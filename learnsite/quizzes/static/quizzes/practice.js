// Flash cards for the text's words: the English on the front, the German typed and checked by the
// server as forgivingly as the quiz's answers. Rounds of ten cards; cards missed come back at the
// end of their round. Nothing is saved: it is practice.
(function () {
  "use strict";
  var ROUND = 10;
  var root = document.getElementById("cards");
  var data = document.getElementById("cards-data");
  if (!root || !data || !window.fetch) return;
  var cards = JSON.parse(data.textContent);
  var box = document.getElementById("card-box");
  var count = document.getElementById("card-count");
  var front = document.getElementById("card-front");
  var example = document.getElementById("card-example");
  var form = document.getElementById("card-form");
  var input = document.getElementById("card-answer");
  var verdict = document.getElementById("card-verdict");
  var next = document.getElementById("card-next");
  var show = document.getElementById("card-show");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var nextLabel = next.textContent;
  var start = 0;  // the first card of this round
  var queue = [];
  var known = 0;

  function label(name) { return root.getAttribute("data-label-" + name) || ""; }

  function newRound() {
    queue = [];
    for (var i = start; i < Math.min(start + ROUND, cards.length); i++) queue.push(i);
    known = 0;
  }

  function render(focus) {
    verdict.textContent = "";
    verdict.className = "cards__verdict";
    next.hidden = true;
    form.hidden = false;
    if (!queue.length) {
      var more = start + ROUND < cards.length;
      front.textContent = more ? label("round").replace("{n}", Math.min(ROUND, cards.length - start)) : label("done");
      example.textContent = "";
      count.textContent = "";
      form.hidden = true;
      next.textContent = more ? label("more") : label("again");
      next.hidden = false;
      if (focus) next.focus();
      return;
    }
    var card = cards[queue[0]];
    var size = Math.min(ROUND, cards.length - start);
    count.textContent = label("of").replace("{n}", size - queue.length + 1).replace("{total}", size)
      .replace("{known}", known).replace("{from}", start + 1).replace("{to}", start + size)
      .replace("{all}", cards.length);
    front.textContent = card.front + (card.pos ? " (" + card.pos + ")" : "");
    example.textContent = card.example || "";
    input.value = "";
    next.textContent = nextLabel;
    if (focus) input.focus();
  }

  function finishCard(right, message) {
    var index = queue.shift();
    if (right) { known += 1; } else { queue.push(index); }
    verdict.textContent = message;
    verdict.className = "cards__verdict " + (right ? "feedback__verdict--right" : "feedback__verdict--wrong");
    form.hidden = true;
    next.hidden = false;
    next.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!input.value.trim() || !queue.length) return;
    var card = cards[queue[0]];
    var body = new FormData();
    body.append("card", card.index);
    body.append("answer", input.value);
    fetch(root.dataset.checkUrl, { method: "POST", body: body, credentials: "same-origin",
                                   headers: { "X-CSRFToken": token, "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (result.error) { verdict.textContent = result.error; return; }
        var message = result.message;
        if (result.correct && message.indexOf(result.expected) < 0) message += " " + result.expected;
        finishCard(result.correct, (result.correct ? "✓ " : "✗ ") + message);
      })
      .catch(function () { verdict.textContent = label("error"); });
  });

  show.addEventListener("click", function () {
    if (!queue.length) return;
    finishCard(false, label("shown") + " " + cards[queue[0]].answer);
  });

  next.addEventListener("click", function () {
    if (!queue.length) {
      start = start + ROUND < cards.length ? start + ROUND : 0;
      newRound();
    }
    render(true);
  });

  if (!cards.length) { root.hidden = true; return; }
  box.hidden = false;
  newRound();
  render(false);
})();
