// A table wider than its window scrolls inside its .table-wrap. A region that scrolls must be reachable by keyboard,
// so each wrap that overflows becomes a focusable, named region; one that fits stays out of the tab order.
(() => {
  const nameOf = wrap => {
    const table = wrap.querySelector('table');
    const caption = table?.caption?.textContent.trim() || table?.getAttribute('aria-label');
    if (caption) return caption;
    const section = wrap.closest('section, article, main');
    const heading = section?.querySelector('h1, h2, h3');
    return heading ? heading.textContent.trim() : document.querySelector('main')?.dataset.textTable ?? 'Table';
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

// A long page (four sections or more) lists its sections under its heading, so a reader can go straight to one.
(() => {
  const main = document.querySelector('main');
  const title = main?.querySelector('h1');
  const headings = [...(main?.querySelectorAll('h2') ?? [])].filter(h => !h.closest('details, dialog'));
  if (!title || headings.length < 4) return;

  const slug = text => text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  const list = document.createElement('ul');
  for (const heading of headings) {
    if (!heading.id) {
      const base = slug(heading.textContent) || 'section';
      let id = base;
      for (let n = 2; document.getElementById(id); n++) id = `${base}-${n}`;
      heading.id = id;
    }
    const link = document.createElement('a');
    link.href = `#${heading.id}`;
    link.textContent = heading.textContent.trim();
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  const contents = document.createElement('nav');
  contents.className = 'page-contents';
  contents.setAttribute('aria-label', main.dataset.textContents ?? 'On this page');
  contents.append(list);
  title.after(contents);
})();
