// Moves focus to the list of errors when a save was refused, so keyboard and
// screen-reader users start from it rather than from the top of a long form.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
    const summary = document.getElementById("error-summary");
    if (summary) {
        summary.focus();
    }
});
