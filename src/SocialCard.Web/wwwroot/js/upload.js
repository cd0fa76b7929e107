// Upload with a progress bar: forms marked data-upload-progress are sent with XMLHttpRequest so the
// clerk sees how far a large roster or photo archive has got. Without JavaScript the form posts normally.
(function () {
  document.querySelectorAll("form[data-upload-progress]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest) return;
      event.preventDefault();
      var bar = form.querySelector(".upload-progress");
      var status = form.querySelector(".upload-status");
      var button = form.querySelector("button[type=submit]");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round((e.loaded / e.total) * 100);
        bar.hidden = false;
        bar.value = percent;
        status.textContent = percent < 100 ? "正在上传 " + percent + "%" : "上传完成，正在检查，请稍候…";
      });
      xhr.addEventListener("load", function () {
        if (xhr.status >= 200 && xhr.status < 400) {
          window.location.assign(xhr.responseURL || form.action);
        } else {
          button.disabled = false;
          status.textContent = "上传失败（" + xhr.status + "），文件未保存。请检查网络后重试。";
        }
      });
      xhr.addEventListener("error", function () {
        button.disabled = false;
        status.textContent = "网络中断，文件未保存。请重试。";
      });
      button.disabled = true;
      status.textContent = "正在上传…";
      xhr.send(new FormData(form));
    });
  });
})();
