// "Insert image" beside each Markdown editor: asks for the image and its alt
// text, uploads the image where markdownx's editor does, and writes
// ![alt](address) at the cursor. The preview then redraws as after typing.
"use strict";
(function () {
    let dialog = null;
    let editor = null;

    // Alt text is one line, and brackets would end it early.
    function markdownAlt(text) {
        return text.replace(/\s+/g, " ").trim().replace(/([\\[\]])/g, "\\$1");
    }

    function buildDialog() {
        const element = document.createElement("dialog");
        element.className = "markdown-image-dialog";
        element.setAttribute("aria-labelledby", "markdown-image-heading");
        element.innerHTML =
            '<form method="dialog">' +
            '<h2 id="markdown-image-heading">Insert an image</h2>' +
            '<p class="errornote" role="alert" hidden></p>' +
            '<p><label for="markdown-image-file">Image (JPEG, PNG, GIF or WebP)</label>' +
            '<input type="file" id="markdown-image-file" accept="image/jpeg,image/png,image/gif,image/webp" required></p>' +
            '<p><label for="markdown-image-alt">Alt text: what the image shows, for people who cannot see it</label>' +
            '<input type="text" id="markdown-image-alt" maxlength="300" required></p>' +
            '<p class="submit-row"><button type="submit" class="default" value="insert">Insert</button> ' +
            '<button type="button" value="cancel">Cancel</button></p>' +
            "</form>";
        element.querySelector("button[value=cancel]").addEventListener("click", function () {
            element.close();
        });
        element.querySelector("form").addEventListener("submit", upload);
        document.body.append(element);
        return element;
    }

    function showError(text) {
        const box = dialog.querySelector(".errornote");
        box.textContent = text;
        box.hidden = false;
    }

    function csrfToken() {
        const field = (editor.form || document).querySelector("input[name='csrfmiddlewaretoken']");
        return field ? field.value : "";
    }

    async function upload(event) {
        event.preventDefault();
        const file = dialog.querySelector("#markdown-image-file").files[0];
        const alt = markdownAlt(dialog.querySelector("#markdown-image-alt").value);
        if (!file || !alt) {
            showError("Choose an image and describe it in the alt text.");
            return;
        }
        const body = new FormData();
        body.append("image", file);
        let response;
        try {
            response = await fetch(editor.dataset.markdownxUploadUrlsPath || "/markdownx/upload/", {
                method: "POST",
                body: body,
                credentials: "same-origin",
                headers: {"X-CSRFToken": csrfToken(), "X-Requested-With": "XMLHttpRequest"},
            });
        } catch (error) {
            showError("The image could not be uploaded: the site did not answer. Try again.");
            return;
        }
        const answer = await response.json().catch(function () { return {}; });
        const address = /\]\(([^)\s]+)\)/.exec(answer.image_code || "");
        if (!response.ok || !address) {
            const reasons = Object.values(answer).flat().filter(function (item) {
                return typeof item === "string";
            });
            showError(reasons.join(" ") || "The image could not be uploaded. Try another image.");
            return;
        }
        // An image is a paragraph of its own: blank lines around it where needed.
        const before = editor.value.slice(0, editor.selectionStart);
        const after = editor.value.slice(editor.selectionEnd);
        const text = (before && !before.endsWith("\n\n") ? (before.endsWith("\n") ? "\n" : "\n\n") : "") +
            "![" + alt + "](" + address[1] + ")" +
            (after && !after.startsWith("\n\n") ? (after.startsWith("\n") ? "\n" : "\n\n") : "");
        editor.focus();
        editor.setRangeText(text, editor.selectionStart, editor.selectionEnd, "end");
        // markdownx redraws its preview on "input".
        editor.dispatchEvent(new Event("input", {bubbles: true}));
        dialog.close();
    }

    function open(button) {
        const container = button.nextElementSibling;
        editor = container && container.querySelector("textarea.markdownx-editor");
        if (!editor) {
            return;
        }
        dialog = dialog || buildDialog();
        dialog.querySelector("form").reset();
        dialog.querySelector(".errornote").hidden = true;
        dialog.showModal();
    }

    document.addEventListener("click", function (event) {
        const button = event.target.closest(".markdown-image-button");
        if (button) {
            open(button);
        }
    });

    // The buttons go in the row template too, so rows added later have theirs.
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll(".markdownx").forEach(function (container) {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "markdown-image-button";
            button.textContent = "Insert image";
            container.before(button);
        });
    });
})();
