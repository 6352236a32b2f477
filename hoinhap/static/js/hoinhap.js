// What an htmx request that fails shows: htmx swaps nothing for a 4xx/5xx answer or a lost
// connection, so without this a refused action would look as if nothing happened.
(function () {
  function box() {
    return document.getElementById("request-error");
  }

  function show(text) {
    var el = box();
    if (!el) return;
    el.textContent = text;
    el.hidden = false;
    el.scrollIntoView({ block: "nearest" });
  }

  // The server's error pages (403, 404, 500) give their reason in the card's first paragraph.
  function reason(xhr) {
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
      var p = doc.querySelector("main .card p");
      return p ? p.textContent.trim() : "";
    } catch (e) {
      return "";
    }
  }

  document.addEventListener("htmx:beforeRequest", function () {
    var el = box();
    if (el) el.hidden = true;
  });

  document.addEventListener("htmx:responseError", function (event) {
    var el = box();
    if (!el) return;
    var xhr = event.detail.xhr;
    var fallback = xhr.status === 403 ? el.dataset.forbidden : xhr.status >= 500 ? el.dataset.server : el.dataset.invalid;
    show(reason(xhr) || fallback);
  });

  document.addEventListener("htmx:sendError", function () {
    var el = box();
    if (el) show(el.dataset.network);
  });
})();
