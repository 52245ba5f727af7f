/* Checks a workshop's own question against the Leichte Sprache rules while staff type it (only the page „Neuen
   Workshop anlegen“ loads this). It only enhances: the form checks the question again on saving, without script. */
(function () {
  "use strict";
  var field = document.querySelector("textarea[data-pruefen]");
  var box = document.getElementById("eigene_frage-pruefung");
  if (!field || !box || !window.fetch) { return; }
  var timer = null;
  var asked = 0;

  function show(answer) {
    box.textContent = "";
    box.className = "pruefung" + (answer.ok ? " ok" : "");
    if (!answer.zusammenfassung) { return; }
    var summary = document.createElement("p");
    summary.textContent = answer.zusammenfassung;
    box.appendChild(summary);
    if (answer.befunde.length) {
      var list = document.createElement("ul");
      answer.befunde.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
  }

  function check() {
    var number = ++asked;
    var url = field.getAttribute("data-pruefen") + "?frage=" + encodeURIComponent(field.value);
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer && number === asked) { show(answer); } })
      .catch(function () { /* signed out or offline: the check on saving still happens */ });
  }

  field.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 600);
  });
  /* After saving, the page already lists what the form found: check again only once the question changes. */
  if (field.value && !document.getElementById("eigene_frage-fehler")) { check(); }
}());
