// Fills the pathway's address from its two roles while it is empty (or still
// the one filled here): "nurse-to-data-analyst". The admin's own prepopulated
// fields only read text inputs, not the roles' autocomplete selects. When left
// empty, the server makes the same address from the roles' own addresses.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
    const slug = document.getElementById("id_slug");
    const fromRole = document.getElementById("id_from_role");
    const toRole = document.getElementById("id_to_role");
    if (!slug || !fromRole || !toRole) {
        return;
    }
    let filled = slug.value === "" ? "" : null;

    function slugify(text) {
        return text
            .normalize("NFKC")
            .toLowerCase()
            .replace(/[^\p{L}\p{N}\s-]+/gu, "")
            .trim()
            .replace(/[\s_-]+/g, "-")
            .replace(/^-+|-+$/g, "");
    }

    function roleName(select) {
        const option = select.selectedOptions[0];
        return option && option.value ? option.text : "";
    }

    function fill() {
        if (filled === null || slug.value !== filled) {
            return; // typed by hand, or the saved address: leave it
        }
        const from = slugify(roleName(fromRole));
        const to = slugify(roleName(toRole));
        filled = from && to ? from + "-to-" + to : "";
        slug.value = filled;
    }

    // The autocomplete widgets announce a choice through jQuery only.
    const jQuery = window.django && window.django.jQuery;
    [fromRole, toRole].forEach(function (select) {
        select.addEventListener("change", fill);
        if (jQuery) {
            jQuery(select).on("select2:select select2:clear", fill);
        }
    });
});
