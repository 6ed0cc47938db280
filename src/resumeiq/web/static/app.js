// resumeiq web app: the only script. Pages work without it; it adds live progress (polling a
// JSON status while work runs, then reloading the page) and drag-and-drop on file fields.
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
})();
