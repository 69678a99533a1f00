// Starts the Markdown editor on inline rows added with "Add another".
// markdownx starts its editors once, at page load; a new row is a copy of the
// template row, marked as started but with no editor behind it. Unmark the
// copy and run markdownx's script again: it starts every editor not started.
"use strict";
document.addEventListener("formset:added", function (event) {
    const row = event.target;
    const editors = row.querySelectorAll(".markdownx-editor[data-markdownx-init]");
    if (!editors.length) {
        return;
    }
    editors.forEach(function (editor) {
        editor.removeAttribute("data-markdownx-init");
    });
    row.querySelectorAll(".markdownx-preview").forEach(function (preview) {
        preview.replaceChildren();
    });
    const loaded = document.querySelector("script[src*='markdownx/js/markdownx']");
    if (loaded) {
        const again = document.createElement("script");
        again.src = loaded.src;
        document.head.appendChild(again);
    }
});
