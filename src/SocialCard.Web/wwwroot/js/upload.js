// Upload with a progress bar: forms marked data-upload-progress are sent with XMLHttpRequest so the
// clerk sees how far a large roster or photo archive has got. The portal answers such a request with the
// address of the next page as JSON (Infrastructure/UploadRedirects.cs), so the refusal or notice it carries
// is shown when that page loads. Without JavaScript the form posts normally.
(function () {
  function fail(button, status, text) {
    button.disabled = false;
    status.textContent = text;
    status.setAttribute("role", "alert");
    status.classList.add("error");
  }

  document.querySelectorAll("form[data-upload-progress]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest) return;
      event.preventDefault();
      var bar = form.querySelector(".upload-progress");
      var status = form.querySelector(".upload-status");
      var button = form.querySelector("button[type=submit]");

      // A file over the limit is refused here, before it is sent: a browser sending it would only see the
      // connection closed when the portal refuses it early.
      var max = Number(form.getAttribute("data-max-bytes") || 0);
      var total = 0;
      form.querySelectorAll("input[type=file]").forEach(function (input) {
        Array.prototype.forEach.call(input.files || [], function (file) { total += file.size; });
      });
      if (max > 0 && total > max) {
        fail(button, status, form.getAttribute("data-too-large"));
        return;
      }

      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-Upload-Progress", "1");
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round((e.loaded / e.total) * 100);
        bar.hidden = false;
        bar.value = percent;
        status.textContent = percent < 100 ? "正在上传 " + percent + "%" : "上传完成，正在检查，请稍候…";
      });
      xhr.addEventListener("load", function () {
        var answer = null;
        try {
          answer = JSON.parse(xhr.responseText);
        } catch (ignored) {
          answer = null; // not JSON: an error page, handled below
        }

        if (answer && answer.redirect) {
          window.location.assign(answer.redirect);
        } else if (answer && (answer.detail || answer.title)) {
          fail(button, status, (answer.detail || answer.title) + "（文件未保存）");
        } else if (xhr.status === 413) {
          fail(button, status, "文件太大，超过了上传上限，文件未保存。请分成几个文件上传。");
        } else if (xhr.status >= 200 && xhr.status < 300) {
          window.location.assign(xhr.responseURL || form.action);
        } else {
          fail(button, status, "上传失败（" + xhr.status + "），文件未保存。请检查网络后重试。");
        }
      });
      xhr.addEventListener("error", function () {
        fail(button, status, "网络中断，文件未保存。请重试。");
      });
      button.disabled = true;
      status.textContent = "正在上传…";
      xhr.send(new FormData(form));
    });
  });
})();
