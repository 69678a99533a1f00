// Enhancements only: every page works without this file.
(function () {
  "use strict";

  // Count one view of a guide, then show the new count.
  var counter = document.querySelector("[data-view-url]");
  if (counter) {
    var url = counter.getAttribute("data-view-url");
    var label = counter.querySelector("[data-view-count]");
    if (window.fetch) {
      fetch(url, { method: "POST", credentials: "omit", keepalive: true })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data && label) { label.textContent = data.label; } })
        .catch(function () {});
    } else if (navigator.sendBeacon) {
      navigator.sendBeacon(url);
    }
  }

  // Hub filter: update the list in place when a choice changes.
  var form = document.querySelector("[data-hub-filter]");
  var results = document.getElementById("hub-results");
  if (!form || !results || !window.fetch || !window.DOMParser) {
    return;
  }
  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value) { params.append(name, value); }
    });
    var text = params.toString();
    return form.getAttribute("action") + (text ? "?" + text : "");
  }
  function update() {
    var target = query();
    results.setAttribute("aria-busy", "true");
    fetch(target, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("hub-results");
        if (!fresh) { throw new Error("no results"); }
        results.innerHTML = fresh.innerHTML;
        results.removeAttribute("aria-busy");
        window.history.replaceState(null, "", target);
      })
      .catch(function () { window.location.assign(target); });
  }
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
})();
