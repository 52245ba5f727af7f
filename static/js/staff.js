/* Staff pages: warn before the idle time ends the staff session (WCAG 2.2.1), with mitreden.js's warning.
   Only a request keeps the session, so typing does not count: „Angemeldet bleiben“ posts its form (with the
   CSRF token); when the time has run out, the sign-out form says so and the sign-in leads back here. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var dialog = document.getElementById("staff-warnung");
  if (!dialog || !window.mitredenWarnung) { return; }
  var stay = dialog.querySelector("[data-bleiben]"), leave = dialog.querySelector("[data-abmelden]");
  function end() {
    var expired = document.createElement("input");
    expired.type = "hidden"; expired.name = "abgelaufen"; expired.value = "1";
    leave.appendChild(expired);
    leave.submit();
  }
  stay.addEventListener("submit", function (event) { event.preventDefault(); dialog.close(); });
  window.mitredenWarnung(dialog, parseInt(dialog.getAttribute("data-warnen-nach"), 10),
    parseInt(dialog.getAttribute("data-gnade"), 10), {
      /* minutes:seconds, as the sentence says „in 1:59 Minuten“ */
      format: function (left) { return Math.floor(left / 60) + ":" + ("0" + left % 60).slice(-2); },
      end: end,
      keepAlive: function (done) {
        if (!window.fetch) { stay.submit(); done(); return; }  /* the answer is 204: the page stays */
        fetch(stay.action, {method: "POST", body: new FormData(stay), credentials: "same-origin", cache: "no-store"})
          .then(function (response) { if (response.status === 204) { done(); } else { end(); } }, done);
      }
    });
});
