// The jump menu and the error list link into sections that may be closed:
// open every closed section around the target before the browser scrolls to it.
"use strict";
(function () {
    function openAround(id) {
        const target = id && document.getElementById(id);
        if (!target) {
            return null;
        }
        const inner = target.querySelector(":scope > fieldset > details");
        if (inner) {
            inner.open = true;
        }
        for (let node = target.parentElement; node; node = node.parentElement) {
            if (node.tagName === "DETAILS") {
                node.open = true;
            }
        }
        return target;
    }

    document.addEventListener("click", function (event) {
        const link = event.target.closest("a[href^='#']");
        if (!link) {
            return;
        }
        const target = openAround(decodeURIComponent(link.getAttribute("href").slice(1)));
        if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
            // A field: scroll to it and put the cursor in it.
            event.preventDefault();
            target.scrollIntoView({block: "center"});
            target.focus();
        }
    });

    document.addEventListener("DOMContentLoaded", function () {
        openAround(decodeURIComponent(window.location.hash.slice(1)));
    });
})();
