/// The workbench's one script and one style sheet, served by the tool itself (no network, no
/// framework, no build step).
enum Assets {
    /// Keeps the equivalent command line in step with the run form, and a run's progress in
    /// step with the server (polling `/runs/ID/status` every half second until it ends).
    static let script = #"""
    "use strict";
    (function () {
      function quote(word) {
        return /^[A-Za-z0-9_.,:=\/+@%-]+$/.test(word) ? word : "'" + word.replace(/'/g, "'\\''") + "'";
      }
      function commandLine(form, code) {
        var words = [code.getAttribute("data-base")];
        var fields = form.querySelectorAll("[data-set-path]");
        for (var i = 0; i < fields.length; i++) {
          var field = fields[i];
          if (field.value !== field.getAttribute("data-default")) {
            words.push("--set " + quote(field.getAttribute("data-set-path") + "=" + field.value));
          }
        }
        var tail = code.getAttribute("data-tail");
        if (tail) { words.push(tail); }
        code.textContent = words.join(" ");
      }
      function watchForm() {
        var form = document.getElementById("run-form");
        var code = document.getElementById("command-line");
        if (!form || !code) { return; }
        form.addEventListener("input", function () { commandLine(form, code); });
        form.addEventListener("change", function () { commandLine(form, code); });
        commandLine(form, code);
      }
      function seconds(s) {
        if (s === null || s === undefined) { return ""; }
        s = Math.round(s);
        if (s < 60) { return s + " s left"; }
        var m = Math.floor(s / 60);
        return m + " min " + (s % 60) + " s left";
      }
      function watchRun() {
        var state = document.getElementById("run-state");
        if (!state) { return; }
        var status = state.getAttribute("data-status");
        var bar = document.getElementById("run-progress");
        var eta = document.getElementById("run-eta");
        var done = document.getElementById("run-done");
        var ended = ["finished", "failed", "cancelled"];
        if (!status || ended.indexOf(state.textContent) >= 0) { return; }
        function poll() {
          var request = new XMLHttpRequest();
          request.open("GET", status);
          request.onload = function () {
            if (request.status !== 200) { setTimeout(poll, 2000); return; }
            var s = JSON.parse(request.responseText);
            state.textContent = s.state;
            if (bar) { bar.max = Math.max(1, s.total); bar.value = s.done; }
            if (done) { done.textContent = s.done + " of " + s.total + " replications"; }
            if (eta) { eta.textContent = s.state === "running" ? seconds(s.secondsLeft) : ""; }
            if (ended.indexOf(s.state) >= 0) { window.location.reload(); } else { setTimeout(poll, 500); }
          };
          request.onerror = function () { setTimeout(poll, 2000); };
          request.send();
        }
        setTimeout(poll, 500);
      }
      document.addEventListener("DOMContentLoaded", function () { watchForm(); watchRun(); });
    })();
    """#

    static let style = """
    body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
    header { background: #1d3557; padding: 0.6em 1.2em; }
    header a.home { color: #fff; text-decoration: none; font-weight: 600; }
    main { max-width: 72em; margin: 1em auto; padding: 0 1.2em; }
    h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
    table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
    th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; }
    td.num, td.mean { text-align: right; font-variant-numeric: tabular-nums; }
    fieldset { border: 1px solid #ccc; margin: 0.8em 0; }
    label { display: inline-block; min-width: 22em; }
    .field { margin: 0.3em 0; }
    .field input[type=text] { width: 36em; font-family: monospace; }
    .hint { color: #555; font-size: 0.88em; margin-left: 0.5em; }
    code#command-line { display: block; background: #eef; padding: 0.6em; white-space: pre-wrap; word-break: break-all; }
    #problems li { color: #9b1c1c; font-family: monospace; }
    #warnings li { color: #7a5200; font-family: monospace; }
    button { font-size: 1em; padding: 0.3em 1em; margin-right: 0.6em; }
    progress { width: 24em; }
    .message { font-family: monospace; white-space: pre-wrap; }
    """
}
