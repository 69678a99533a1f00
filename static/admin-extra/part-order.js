// Reordering a pathway's parts: drag a row by its handle, or use its "Move up"
// and "Move down" buttons (keyboard users). A move renumbers the rows' order
// fields, reusing the numbers they had, so a phase's number stays the one shown
// on the guide. Reality-check items move only among items of their kind, as
// the guide lists each kind on its own. Saved rows only: an added row keeps its
// place in the formset until saved, and is numbered after the others.
"use strict";
(function () {
    const GROUPS = ".js-inline-admin-formset:has(> fieldset.ordered-parts)";
    const SAVED = ":is(.inline-related, tr.form-row).has_original";
    let dragged = null;

    function orderInput(row) {
        return row.querySelector("input[name$='-order']");
    }

    function kindOf(row) {
        const kind = row.querySelector("select[name$='-kind']");
        return kind ? kind.value : "";
    }

    function peers(row) {
        const group = row.closest(GROUPS);
        return Array.from(group.querySelectorAll(SAVED)).filter(function (other) {
            return kindOf(other) === kindOf(row);
        });
    }

    function labelOf(row) {
        const label = row.querySelector(".inline_label");
        if (label) {
            return label.textContent.trim();
        }
        const text = row.querySelector("textarea, input[type=text]");
        return text ? text.value.slice(0, 60) : "";
    }

    function announce(row) {
        const rows = peers(row);
        const status = document.getElementById("order-status");
        status.textContent = "Moved “" + labelOf(row) + "” to place " +
            (rows.indexOf(row) + 1) + " of " + rows.length + ".";
    }

    // The numbers the rows had, in rising order and each used once, given out
    // again from the top of the list down.
    function renumber(rows) {
        const numbers = rows.map(function (row) {
            return parseInt(orderInput(row).value, 10) || 0;
        }).sort(function (a, b) { return a - b; });
        for (let i = 1; i < numbers.length; i++) {
            numbers[i] = Math.max(numbers[i], numbers[i - 1] + 1);
        }
        rows.forEach(function (row, i) {
            orderInput(row).value = numbers[i];
        });
    }

    function move(row, offset) {
        const rows = peers(row);
        const other = rows[rows.indexOf(row) + offset];
        if (!other) {
            return false;
        }
        if (offset < 0) {
            other.before(row);
        } else {
            other.after(row);
        }
        renumber(peers(row));
        refresh(row.closest(GROUPS));
        announce(row);
        return true;
    }

    function button(text, className, offset) {
        const element = document.createElement("button");
        element.type = "button";
        element.className = className;
        element.textContent = text;
        element.addEventListener("click", function () {
            const row = element.closest(SAVED);
            if (move(row, offset)) {
                element.focus();
            }
        });
        return element;
    }

    function addTools(row) {
        const tools = document.createElement("span");
        tools.className = "order-tools";
        const handle = document.createElement("span");
        handle.className = "order-handle";
        handle.draggable = true;
        handle.title = "Drag to reorder";
        handle.textContent = "⠿";
        handle.addEventListener("dragstart", function (event) {
            dragged = row;
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData("text/plain", labelOf(row));
            row.classList.add("order-dragging");
        });
        handle.addEventListener("dragend", function () {
            row.classList.remove("order-dragging");
            dragged = null;
        });
        row.addEventListener("dragover", function (event) {
            if (dragged && dragged !== row && peers(row).includes(dragged)) {
                event.preventDefault();
            }
        });
        row.addEventListener("drop", function (event) {
            if (!dragged || dragged === row || !peers(row).includes(dragged)) {
                return;
            }
            event.preventDefault();
            const rows = peers(row);
            const offset = rows.indexOf(row) - rows.indexOf(dragged);
            const moving = dragged;
            for (let step = 0; step < Math.abs(offset); step++) {
                move(moving, Math.sign(offset));
            }
        });
        tools.append(
            handle,
            button("Move up", "order-up", -1),
            button("Move down", "order-down", 1),
        );
        const place = row.querySelector(":scope > h3") || row.querySelector("td.field-order");
        place.append(tools);
    }

    // First and last rows (of their kind) cannot move further.
    function refresh(group) {
        group.querySelectorAll(SAVED).forEach(function (row) {
            const rows = peers(row);
            const index = rows.indexOf(row);
            row.querySelector(".order-up").disabled = index === 0;
            row.querySelector(".order-down").disabled = index === rows.length - 1;
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        const status = document.createElement("p");
        status.id = "order-status";
        status.className = "visually-hidden";
        status.setAttribute("aria-live", "polite");
        document.body.append(status);
        document.querySelectorAll(GROUPS).forEach(function (group) {
            group.querySelectorAll(SAVED).forEach(addTools);
            refresh(group);
            group.addEventListener("change", function (event) {
                if (event.target.matches("select[name$='-kind']")) {
                    refresh(group);
                }
            });
        });
    });

    // A row added with "Add another" goes after every other row.
    document.addEventListener("formset:added", function (event) {
        const group = event.target.closest(GROUPS);
        const input = orderInput(event.target);
        if (!group || !input) {
            return;
        }
        let highest = 0;
        group.querySelectorAll("input[name$='-order']").forEach(function (other) {
            if (other !== input && !other.name.includes("__prefix__")) {
                highest = Math.max(highest, parseInt(other.value, 10) || 0);
            }
        });
        input.value = highest + 1;
    });
})();
