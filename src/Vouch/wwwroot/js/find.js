// The header's search box: "/" anywhere but in a field goes to it; in the box or its list, Escape closes the list
// (and a second Escape empties the box), and the arrow keys move between the box and the records found.
(() => {
    const box = document.querySelector('[data-find-box]');
    if (!box) {
        return;
    }
    const input = box.querySelector('input[type="search"]');
    const results = box.querySelector('.find-results');
    const typing = element => element instanceof HTMLElement
        && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
    const links = () => [...results.querySelectorAll('a')];
    const close = () => results.replaceChildren();

    document.addEventListener('keydown', event => {
        if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
            event.preventDefault();
            input.focus();
            input.select();
        }
    });

    box.addEventListener('keydown', event => {
        if (event.key === 'Escape') {
            event.preventDefault();
            if (results.childElementCount > 0) {
                close();
            } else {
                input.value = '';
            }
            input.focus();
            return;
        }
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
            return;
        }
        const all = links();
        if (all.length === 0) {
            return;
        }
        event.preventDefault();
        const at = all.indexOf(document.activeElement);
        const next = event.key === 'ArrowDown' ? at + 1 : (at === -1 ? all.length - 1 : at - 1);
        if (next < 0 || next >= all.length) {
            input.focus();
        } else {
            all[next].focus();
        }
    });

    // A click outside the box, or the focus leaving it, closes the list.
    document.addEventListener('click', event => {
        if (!box.contains(event.target)) {
            close();
        }
    });
    box.addEventListener('focusout', event => {
        if (event.relatedTarget instanceof Node && !box.contains(event.relatedTarget)) {
            close();
        }
    });
})();
