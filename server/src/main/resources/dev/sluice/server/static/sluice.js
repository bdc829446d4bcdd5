// Sluice web UI: while a run is active, refresh its steps and logs every second.
(function () {
  "use strict";
  function poll() {
    var run = document.getElementById("run");
    var body = document.getElementById("run-body");
    if (!run || !body || body.getAttribute("data-active") !== "true") {
      return;
    }
    var open = {};
    run.querySelectorAll("li.step").forEach(function (li) {
      var d = li.querySelector("details");
      if (d) { open[li.getAttribute("data-step")] = d.open; }
    });
    fetch("/deploy/runs/" + run.getAttribute("data-run") + "/body", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        run.innerHTML = html;
        run.querySelectorAll("li.step").forEach(function (li) {
          var d = li.querySelector("details");
          var k = li.getAttribute("data-step");
          if (d && open[k] !== undefined && li.getAttribute("data-status") !== "running") { d.open = open[k] || d.open; }
        });
      })
      .catch(function () { /* try again on the next tick */ })
      .then(function () { setTimeout(poll, 1000); });
  }
  document.addEventListener("DOMContentLoaded", function () { setTimeout(poll, 1000); });
})();
