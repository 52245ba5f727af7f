/* Mitreden: JavaScript only enhances. Every page works without it. */
(function () {
  "use strict";
  var body = document.body;

  /* Vorlesen: read the main content aloud with a voice of the page's language. Where the device has
     no such voice, a note says so instead of a button that does nothing. Voices arrive late on some
     devices (voiceschanged), so the choice waits for them a little. */
  function setupVorlesen() {
    var button = document.querySelector("[data-vorlesen]");
    if (!button) { return; }
    var note = button.parentNode.querySelector(".vorlesen-hinweis");
    var label = button.querySelector("span");
    var lang = button.getAttribute("data-lang");
    var synth = window.speechSynthesis;
    function voice() {
      var prefix = lang.slice(0, 2);
      var voices = synth ? synth.getVoices() : [];
      return voices.filter(function (v) { return v.lang && v.lang.replace("_", "-").toLowerCase() === lang.toLowerCase(); })[0] ||
        voices.filter(function (v) { return v.lang && v.lang.replace("_", "-").toLowerCase().indexOf(prefix) === 0; })[0] || null;
    }
    function decide(final) {
      /* A voice that arrives late (voiceschanged) still brings the button back. */
      if (voice()) { button.hidden = false; note.hidden = true; return; }
      if (final && !note.firstChild) {
        button.getAttribute("data-keine-stimme").split("\n").forEach(function (line, index) {
          if (index) { note.appendChild(document.createElement("br")); }
          note.appendChild(document.createTextNode(line));
        });
      }
      if (final) { note.hidden = false; }
    }
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") { decide(true); return; }
    decide(false);
    if (synth.addEventListener) { synth.addEventListener("voiceschanged", function () { decide(false); }); }
    setTimeout(function () { decide(true); }, 1500);
    button.addEventListener("click", function () {
      if (synth.speaking) { synth.cancel(); label.textContent = button.getAttribute("data-start"); return; }
      var chosen = voice();
      if (!chosen) { return; }
      var main = document.getElementById("inhalt");
      var utterance = new SpeechSynthesisUtterance(main.innerText);
      utterance.lang = chosen.lang;
      utterance.voice = chosen;
      utterance.rate = 0.9;
      utterance.onend = function () { label.textContent = button.getAttribute("data-start"); };
      label.textContent = button.getAttribute("data-stopp");
      synth.speak(utterance);
    });
  }

  /* A draft kept in this browser: what was typed survives a failed submit or a lost connection. */
  function draftKey() { return "mitreden-entwurf:" + location.pathname; }
  function setupDrafts() {
    if (body.hasAttribute("data-neu")) {
      try { Object.keys(sessionStorage).forEach(function (k) { if (k.indexOf("mitreden-") === 0) { sessionStorage.removeItem(k); } }); } catch (e) { /* storage off */ }
      return;
    }
    /* After a submit that led to another page, the draft of the sent page is stale. */
    try {
      var sent = sessionStorage.getItem("mitreden-gesendet");
      if (sent && sent !== location.pathname) {
        sessionStorage.removeItem("mitreden-entwurf:" + sent);
        sessionStorage.removeItem("mitreden-gesendet");
      }
    } catch (e) { /* storage off */ }
    var form = document.querySelector("form[data-entwurf]");
    if (!form) { return; }
    var key = draftKey();
    form.addEventListener("submit", function () {
      try { sessionStorage.setItem("mitreden-gesendet", location.pathname); } catch (e) { /* storage off */ }
    });
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { saved = null; }
    var hasServerValue = Array.prototype.some.call(form.elements, function (el) {
      return (el.type === "checkbox" || el.type === "radio") ? el.checked : (el.tagName === "TEXTAREA" && el.value.trim() !== "");
    });
    if (saved && !hasServerValue) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!(el.name in saved) || el.name === "csrf_token") { return; }
        if (el.type === "checkbox" || el.type === "radio") { el.checked = saved[el.name].indexOf(el.value) !== -1; }
        else if (el.tagName === "TEXTAREA") { el.value = saved[el.name][0] || ""; }
      });
    }
    function store() {
      var data = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.name === "csrf_token") { return; }
        data[el.name] = data[el.name] || [];
        if ((el.type === "checkbox" || el.type === "radio")) { if (el.checked) { data[el.name].push(el.value); } }
        else if (el.tagName === "TEXTAREA") { data[el.name].push(el.value); }
      });
      try { sessionStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full or off */ }
    }
    form.addEventListener("change", store);
    form.addEventListener("input", store);
  }

  /* An answer that cannot go with the others („Niemand“, „Es soll so bleiben“): ticking it clears
     the others, ticking another clears it. The server checks the same rule. */
  function setupExclusive() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-allein]"), function (alone) {
      var others = Array.prototype.filter.call(document.getElementsByName(alone.name), function (el) { return el !== alone; });
      alone.addEventListener("change", function () {
        if (alone.checked) { others.forEach(function (el) { el.checked = false; }); }
      });
      others.forEach(function (el) {
        el.addEventListener("change", function () { if (el.checked) { alone.checked = false; } });
      });
    });
  }

  /* Free text: the room left, shown while typing; read out only after a pause in typing. */
  function setupCounters() {
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-zeichen]"), function (area) {
      var out = document.getElementById(area.id + "-zeichen");
      var most = parseInt(area.getAttribute("data-zeichen"), 10);
      if (!out || !most) { return; }
      /* A separate live region, filled after a pause, so a screen reader is not interrupted at every key. */
      var spoken = document.createElement("span");
      spoken.className = "sr-only";
      spoken.setAttribute("aria-live", "polite");
      out.parentNode.insertBefore(spoken, out.nextSibling);
      var timer;
      function show() {
        /* Counted as the server counts: characters (an emoji is 1), without space at the ends. */
        var left = most - Array.from(area.value.trim()).length;
        out.textContent = left >= 0 ? out.getAttribute("data-noch").replace("{}", String(left)) : out.getAttribute("data-zu-lang");
        out.classList.toggle("zu-lang", left < 0);
      }
      out.hidden = false;
      show();
      area.addEventListener("input", function () {
        show();
        clearTimeout(timer);
        timer = setTimeout(function () { spoken.textContent = out.textContent; }, 1500);
      });
    });
  }

  /* The error summary gets focus so screen readers announce it first. */
  function focusErrors() {
    var box = document.querySelector("[data-fehler-box]");
    if (box) { box.focus(); }
  }

  function setupPrint() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-drucken]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /* A code card's QR code carries the code in the URL fragment, which never reaches the server. */
  function fillCodeFromFragment() {
    var field = document.getElementById("code");
    var match = location.hash.match(/^#code=([A-Za-z0-9-]+)$/);
    if (field && match) {
      field.value = match[1].replace(/-/g, " ");
      history.replaceState(null, "", location.pathname);
    }
  }

  /* A warning before time runs out, with the time left and a way to get more time (WCAG 2.2.1). However it
     closes (its button, or Escape), the person is there: keepAlive tells the server, then the clock starts again.
     Staff pages use it too (staff.js), where only a request keeps the session, so a touch does not count. */
  function setupWarning(dialog, warnSeconds, graceSeconds, options) {
    if (!warnSeconds || !dialog || typeof dialog.showModal !== "function") { return; }
    var timer = dialog.querySelector("[data-rest]"), warnTimer, endTimer, tick;
    function showRest(left) { timer.textContent = timer.getAttribute("data-rest").replace("{}", (options.format || String)(left)); }
    function schedule() {
      clearTimeout(warnTimer); clearTimeout(endTimer); clearInterval(tick);
      warnTimer = setTimeout(function () {
        var endsAt = Date.now() + graceSeconds * 1000;
        showRest(graceSeconds);
        dialog.showModal();
        /* The time left, counted down where the person can see it. */
        tick = setInterval(function () { showRest(Math.max(0, Math.ceil((endsAt - Date.now()) / 1000))); }, 1000);
        endTimer = setTimeout(function () { clearInterval(tick); options.end(); }, graceSeconds * 1000);
      }, warnSeconds * 1000);
    }
    dialog.addEventListener("close", function () { options.keepAlive(schedule); });
    if (options.touchCounts) {
      ["pointerdown", "keydown", "input", "scroll"].forEach(function (type) {
        document.addEventListener(type, function () { if (!dialog.open) { schedule(); } }, { passive: true });
      });
    }
    schedule();
  }
  window.mitredenWarnung = setupWarning;

  /* Tablet mode and a person signed in with their code: warn before starting over. */
  function setupTablet() {
    var dialog = document.getElementById("noch-da"), keepAlive = body.getAttribute("data-noch-da");
    if (!dialog) { return; }
    dialog.querySelector("[data-mehr-zeit]").addEventListener("click", function () { dialog.close(); });
    setupWarning(dialog, parseInt(body.getAttribute("data-tablet-sekunden"), 10),
      parseInt(body.getAttribute("data-tablet-gnade"), 10), {
        touchCounts: true,
        end: function () { dialog.querySelector("[data-neu-form]").submit(); },
        /* Tell the server too, where it would forget a signed-in person or saved answers after idle time. */
        keepAlive: function (done) {
          if (keepAlive && window.fetch) { fetch(keepAlive, {credentials: "same-origin", cache: "no-store"}); }
          done();
        }
      });
  }

  setupVorlesen();
  setupDrafts();
  setupExclusive();
  setupCounters();
  focusErrors();
  setupPrint();
  fillCodeFromFragment();
  setupTablet();
}());
