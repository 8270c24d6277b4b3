// Podium's pages work without this file; it adds conveniences only.
// - "/" moves to the search box (unless typing in a field already).
// - An empty filter is left out of the search's URL, so links stay short to share.
// - A statement page gets a button that copies its address.
(function () {
    "use strict";

    document.addEventListener("keydown", function (event) {
        if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        var target = event.target;
        var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
        if (tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable)) {
            return;
        }
        var box = document.getElementById("q");
        if (box) {
            event.preventDefault();
            box.focus();
            box.select();
        }
    });

    var form = document.querySelector("form.search-form");
    if (form) {
        form.addEventListener("submit", function () {
            var fields = form.querySelectorAll("input[name], select[name]");
            for (var i = 0; i < fields.length; i++) {
                var field = fields[i];
                var isDefault = field.name === "sort" && field.value === "relevance";
                if (field.value === "" || isDefault) {
                    field.disabled = true;
                }
            }
            // Back from the results page, the fields must be usable again.
            window.setTimeout(function () {
                for (var j = 0; j < fields.length; j++) {
                    fields[j].disabled = false;
                }
            }, 0);
        });
    }

    var holder = document.querySelector("[data-copy-link]");
    if (holder && navigator.clipboard) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-quiet";
        button.textContent = "Copy link to this statement";
        var status = document.createElement("span");
        status.setAttribute("role", "status");
        status.className = "copy-status";
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(window.location.href).then(
                function () {
                    status.textContent = " Link copied.";
                },
                function () {
                    status.textContent = " Could not copy; copy the address bar instead.";
                }
            );
        });
        holder.appendChild(button);
        holder.appendChild(status);
    }
})();
