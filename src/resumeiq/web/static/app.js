// resumeiq web app: the only script. Pages work without it; it adds live progress (polling a
// JSON status while work runs, then reloading the page), drag-and-drop on file fields, and
// copy buttons (hidden until this script shows them; without it the text is selectable).
"use strict";

(function () {
  const DONE = new Set(["completed", "failed"]);

  function poll(el, url, onData) {
    let delay = 1000;
    async function tick() {
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        const data = await response.json();
        if (onData(data)) { return; }
        delay = 1000;
      } catch (err) {
        delay = Math.min(delay * 2, 10000); // the server is busy or gone: try again, more slowly
      }
      window.setTimeout(tick, delay);
    }
    window.setTimeout(tick, delay);
  }

  // A review or a match being worked on: reload when it is done.
  document.querySelectorAll("[data-poll]").forEach(function (el) {
    const status = el.querySelector("[data-status]");
    poll(el, el.dataset.poll, function (data) {
      if (status) { status.textContent = data.status; }
      if (DONE.has(data.status)) { window.location.reload(); return true; }
      return false;
    });
  });

  // A screening: counts and the progress bar move as items finish; the board loads at the end.
  document.querySelectorAll("[data-progress]").forEach(function (el) {
    const bar = el.querySelector("progress");
    const field = function (name) { return el.querySelector('[data-field="' + name + '"]'); };
    poll(el, el.dataset.progress, function (data) {
      bar.max = data.total || 1;
      bar.value = data.processed;
      bar.textContent = data.processed + " of " + data.total;
      field("text").textContent = data.processed + " of " + data.total + " processed";
      field("status").textContent = data.status;
      field("status").className = "badge st-" + data.status;
      ["selected", "considered", "rejected"].forEach(function (c) { field(c).textContent = data.counts[c]; });
      field("failed").textContent = data.failed;
      field("duplicates").textContent = data.duplicates;
      if (data.status === "completed") { window.location.reload(); return true; }
      return false;
    });
  });

  // Drag and drop onto a form's drop zone fills its file field.
  document.querySelectorAll("form[data-dropzone]").forEach(function (form) {
    const zone = form.querySelector(".dropzone");
    const input = zone && zone.querySelector('input[type="file"]');
    if (!input) { return; }
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      const files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) { return; }
      if (!input.multiple && files.length > 1) { return; }
      input.files = files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  });

  // Copy buttons: copy the text of the field they name, and say whether it worked.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    const source = document.getElementById(button.dataset.copy);
    const status = document.getElementById(button.dataset.copyStatus);
    if (!source) { return; }
    button.hidden = false;
    function say(text) { if (status) { status.textContent = text; } }
    function fallback() {
      // Not a secure context (plain http on another host): the older copy command.
      source.focus();
      source.select();
      return document.execCommand && document.execCommand("copy");
    }
    button.addEventListener("click", function () {
      const text = source.value !== undefined ? source.value : source.textContent;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { say("Copied."); },
          function () { say(fallback() ? "Copied." : "Copying failed: select the text and copy it."); }
        );
      } else {
        say(fallback() ? "Copied." : "Copying failed: select the text and copy it.");
      }
    });
  });
})();
