// The call form: htmx autosaves the form as a draft (see call_record.html); this script
// says so when a draft could not be saved, stops autosaving once the form is submitted,
// and opens a collapsed section when the section menu or an error link points into it.
(function () {
  "use strict";

  function init() {
    var form = document.getElementById("call-form");
    var status = document.getElementById("autosave-status");
    if (!form || !status) { return; }
    var submitting = false;

    form.addEventListener("submit", function () { submitting = true; });

    document.body.addEventListener("htmx:confirm", function (event) {
      if (submitting && event.detail.elt === form) { event.preventDefault(); }
    });
    document.body.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.elt !== form) { return; }
      if (event.detail.successful) {
        status.classList.remove("failed");
      } else {
        status.classList.add("failed");
        status.textContent = "The draft could not be saved (connection or session lost). " +
          "Your answers are still in the form: press Save when you are back online.";
      }
    });

    function reveal(hash) {
      if (!hash || hash.length < 2) { return; }
      var target = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (!target) { return; }
      var details = target.tagName === "DETAILS" ? target : target.closest("details");
      if (details) { details.open = true; }
    }
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
      if (link) { reveal(link.getAttribute("href")); }
    });
    window.addEventListener("hashchange", function () { reveal(window.location.hash); });
    reveal(window.location.hash);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
