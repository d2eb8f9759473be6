// planio web: upload with progress, downloads with a visible state, edited cells marked.
// No inline script (the page's Content-Security-Policy forbids it); works without it too.
"use strict";
(function () {
  document.documentElement.classList.add("js");
  const labels = document.body.dataset;

  function messageOf(html) {
    const page = new DOMParser().parseFromString(html, "text/html");
    const found = page.querySelector(".message");
    return found ? found.textContent.trim() : "";
  }

  // The start page: drop files or choose them; they are sent at once, with a progress bar.
  const upload = document.getElementById("upload");
  if (upload) {
    const input = upload.querySelector("input[type=file]");
    const zone = document.getElementById("dropzone");
    const box = upload.querySelector(".progress");
    const bar = document.getElementById("progress");
    const status = document.getElementById("status");
    const refuse = function (text) {
      box.hidden = false;
      bar.value = 0;
      status.classList.add("bad");
      status.textContent = text;
    };
    const send = function (files) {
      if (!files || !files.length) { return; }
      // the server's limits, said before anything is sent (the server checks them again)
      if (files.length > Number(upload.dataset.maxFiles)) {
        refuse(upload.dataset.tooMany);
        return;
      }
      for (const file of files) {
        if (file.size > Number(upload.dataset.maxBytes)) {
          refuse(upload.dataset.tooLarge.replace("{name}", file.name).replace("{size}", upload.dataset.maxMib));
          return;
        }
      }
      const data = new FormData();
      data.append("csrf", upload.elements.csrf.value);
      for (const file of files) { data.append("files", file, file.name); }
      const request = new XMLHttpRequest();
      request.open("POST", upload.action);
      request.setRequestHeader("X-CSRF-Token", upload.elements.csrf.value);
      box.hidden = false;
      bar.value = 0;
      status.classList.remove("bad");
      status.textContent = labels.sending;
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) { bar.value = (100 * event.loaded) / event.total; }
      };
      request.upload.onload = function () {
        bar.removeAttribute("value");
        status.textContent = labels.reading;
      };
      request.onload = function () {
        if (request.status < 400) {
          window.location.href = request.responseURL;
          return;
        }
        bar.value = 0;
        status.classList.add("bad");
        status.textContent = messageOf(request.responseText) || labels.failed + " " + request.status;
      };
      request.onerror = function () {
        status.classList.add("bad");
        status.textContent = labels.failed;
      };
      request.send(data);
    };
    input.addEventListener("change", function () { send(input.files); });
    zone.addEventListener("dragover", function (event) {
      event.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("over");
      send(event.dataTransfer.files);
    });
  }

  // The plan page: downloads are fetched with the cells as corrected, then saved by the browser.
  const plan = document.getElementById("plan");
  if (plan) {
    const status = document.getElementById("download-status");
    let edited = false;
    plan.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA") {
        event.target.classList.add("edited");
        if (!edited) { edited = true; status.textContent = labels.unsaved; }
      }
    });
    const filename = function (header) {
      const exact = /filename\*=UTF-8''([^;]+)/i.exec(header || "");
      if (exact) { return decodeURIComponent(exact[1]); }
      const plain = /filename="([^"]+)"/i.exec(header || "");
      return plain ? plain[1] : "planio";
    };
    for (const button of plan.querySelectorAll("button[data-download]")) {
      button.addEventListener("click", async function (event) {
        event.preventDefault();
        const data = new FormData(plan);
        button.disabled = true;
        status.classList.remove("bad");
        status.textContent = labels.busy;
        try {
          const response = await fetch(button.formAction, {
            method: "POST", body: data, credentials: "same-origin",
          });
          if (!response.ok) {
            status.classList.add("bad");
            status.textContent = messageOf(await response.text()) || labels.failed + " " + response.status;
            return;
          }
          const name = filename(response.headers.get("Content-Disposition"));
          const url = URL.createObjectURL(await response.blob());
          const link = document.createElement("a");
          link.href = url;
          link.download = name;
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
          status.textContent = labels.ready + " " + name;
          for (const area of plan.querySelectorAll("textarea.edited")) { area.classList.remove("edited"); }
          edited = false;
        } catch (error) {
          status.classList.add("bad");
          status.textContent = labels.failed + " " + error;
        } finally {
          button.disabled = false;
        }
      });
    }
    // other buttons (save, next year's draft) post the page; show that it is working
    plan.addEventListener("submit", function () {
      status.textContent = labels.busy;
    });
  }
})();
