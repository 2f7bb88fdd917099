// Size each mail's HTML frame to its content, so a long mail is read whole instead of being cut
// at the frame's first height. The frame's sandbox lets no script run inside the mail; this one
// runs in our page and only measures it.
(function () {
  function fit(frame) {
    var doc = frame.contentDocument;
    if (doc && doc.documentElement) {
      frame.style.height = doc.documentElement.scrollHeight + 4 + "px";
    }
  }
  document.querySelectorAll("iframe.mail-html").forEach(function (frame) {
    frame.addEventListener("load", function () { fit(frame); });
    fit(frame);
  });
})();
