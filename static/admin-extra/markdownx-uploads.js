// Uploads images dropped or pasted onto a Markdown editor, in place of markdownx's own upload.
// markdownx inserts the text "Invalid response" into the field when the server
// refuses an image, and never shows the server's reason. Here the event is taken
// before markdownx sees it: on success the image's Markdown goes in at the
// cursor; on failure the field is left as it was and the reason is shown beside it.
"use strict";
(function () {
    const FALLBACK = "The image could not be uploaded. Try again, or choose another image.";

    function editorOf(event) {
        const target = event.target;
        return target instanceof Element ? target.closest("textarea.markdownx-editor") : null;
    }

    function csrfToken(editor) {
        const field = (editor.form || document).querySelector("input[name='csrfmiddlewaretoken']");
        return field ? field.value : "";
    }

    function messageBox(editor) {
        const container = editor.closest(".markdownx") || editor.parentElement;
        let box = container.querySelector(":scope > .markdownx-upload-error");
        if (!box) {
            box = document.createElement("p");
            box.className = "errornote markdownx-upload-error";
            box.setAttribute("role", "alert");
            container.insertBefore(box, container.firstChild);
        }
        return box;
    }

    function showError(editor, text) {
        messageBox(editor).textContent = text;
    }

    function clearError(editor) {
        const container = editor.closest(".markdownx") || editor.parentElement;
        const box = container.querySelector(":scope > .markdownx-upload-error");
        if (box) {
            box.remove();
        }
    }

    // The server answers a refused upload with {"image": [...]} or {"__all__": [...]}.
    function reasons(body) {
        try {
            const errors = JSON.parse(body);
            return Object.values(errors).flat().filter(function (text) {
                return typeof text === "string";
            });
        } catch (error) {
            return [];
        }
    }

    function insertAtCursor(editor, text) {
        const start = editor.selectionStart;
        editor.setRangeText(text, start, editor.selectionEnd, "end");
        // markdownx listens for input to refresh its preview.
        editor.dispatchEvent(new Event("input", {bubbles: true}));
    }

    async function upload(editor, file) {
        const data = new FormData();
        data.append("image", file);
        editor.setAttribute("aria-busy", "true");
        editor.style.opacity = "0.3";
        try {
            const response = await fetch(editor.dataset.markdownxUploadUrlsPath, {
                method: "POST",
                body: data,
                credentials: "same-origin",
                headers: {"X-CSRFToken": csrfToken(editor), "X-Requested-With": "XMLHttpRequest"},
            });
            const body = await response.text();
            let image = null;
            if (response.ok) {
                try {
                    image = JSON.parse(body).image_code || null;
                } catch (error) {
                    image = null;
                }
            }
            if (image) {
                clearError(editor);
                insertAtCursor(editor, image);
            } else {
                const found = reasons(body);
                showError(editor, found.length ? found.join(" ") : FALLBACK);
            }
        } catch (error) {
            showError(editor, FALLBACK);
        } finally {
            editor.removeAttribute("aria-busy");
            editor.style.opacity = "";
        }
    }

    function take(event, files) {
        const editor = editorOf(event);
        if (!editor || !files || !files.length) {
            return;
        }
        // Before markdownx's own listeners on the editor, which would upload again.
        event.preventDefault();
        event.stopPropagation();
        Array.from(files).forEach(function (file) {
            upload(editor, file);
        });
    }

    document.addEventListener("drop", function (event) {
        take(event, event.dataTransfer && event.dataTransfer.files);
    }, true);
    document.addEventListener("paste", function (event) {
        take(event, event.clipboardData && event.clipboardData.files);
    }, true);
})();
