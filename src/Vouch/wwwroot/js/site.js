// A table wider than its window scrolls inside its .table-wrap. A region that scrolls must be reachable by keyboard,
// so each wrap that overflows becomes a focusable, named region; one that fits stays out of the tab order.
(() => {
  const nameOf = wrap => {
    const table = wrap.querySelector('table');
    const caption = table?.caption?.textContent.trim() || table?.getAttribute('aria-label');
    if (caption) return caption;
    const section = wrap.closest('section, article, main');
    const heading = section?.querySelector('h1, h2, h3');
    return heading ? heading.textContent.trim() : 'Table';
  };

  const markScrollingTables = root => {
    for (const wrap of root.querySelectorAll('.table-wrap')) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.tabIndex = 0;
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', nameOf(wrap));
      } else if (wrap.hasAttribute('role')) {
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
      }
    }
  };

  const markAll = () => markScrollingTables(document);
  markAll();
  window.addEventListener('resize', markAll);
  document.addEventListener('htmx:afterSettle', markAll);
})();
