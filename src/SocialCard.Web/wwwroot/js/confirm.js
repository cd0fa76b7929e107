// Destructive or final steps ask first: a form with data-confirm="…" is sent only when the clerk
// confirms the question. Without JavaScript the form posts directly.
(function () {
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    });
  });
})();
