/**
 * Share bar: copies the link (and says so, for screen readers too) and offers
 * the system share sheet where the browser has one. Small: no dependencies.
 */
for (const bar of document.querySelectorAll<HTMLElement>('[data-share]')) {
  const url = bar.dataset.url ?? location.href;
  const status = bar.querySelector<HTMLElement>('[data-share-status]');
  const say = (message: string) => {
    if (!status) return;
    status.textContent = message;
    window.setTimeout(() => {
      if (status.textContent === message) status.textContent = '';
    }, 4000);
  };
  bar.querySelector('[data-share-copy]')?.addEventListener('click', () => {
    navigator.clipboard
      .writeText(url)
      .then(() => say('Link copied to the clipboard.'))
      .catch(() => say(`Copy this link: ${url}`));
  });
  const native = bar.querySelector('[data-share-native]');
  if (native && typeof navigator.share === 'function') {
    bar.querySelector<HTMLElement>('[data-share-native-item]')?.removeAttribute('hidden');
    native.addEventListener('click', () => {
      navigator
        .share({ title: bar.dataset.title ?? document.title, text: bar.dataset.text ?? '', url })
        .catch(() => undefined);
    });
  }
}

for (const block of document.querySelectorAll<HTMLElement>('[data-embed]')) {
  const code = block.querySelector<HTMLTextAreaElement>('textarea');
  const status = block.querySelector<HTMLElement>('[data-embed-status]');
  block.querySelector('[data-embed-copy]')?.addEventListener('click', () => {
    if (!code) return;
    navigator.clipboard
      .writeText(code.value)
      .then(() => {
        if (status) status.textContent = 'Embed code copied to the clipboard.';
      })
      .catch(() => {
        code.select();
        if (status) status.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected code.';
      });
  });
}

// "Cite this report": copies the plain-text citation or the BibTeX entry.
for (const block of document.querySelectorAll<HTMLElement>('[data-cite]')) {
  const status = block.querySelector<HTMLElement>('[data-cite-status]');
  for (const button of block.querySelectorAll<HTMLButtonElement>('[data-cite-copy]')) {
    button.addEventListener('click', () => {
      const text = block.querySelector<HTMLElement>(`[data-cite-text="${button.dataset.citeCopy}"]`)?.textContent ?? '';
      navigator.clipboard
        .writeText(text)
        .then(() => {
          if (status)
            status.textContent =
              button.dataset.citeCopy === 'bibtex'
                ? 'BibTeX copied to the clipboard.'
                : 'Citation copied to the clipboard.';
        })
        .catch(() => {
          if (status) status.textContent = 'Copying is blocked here: select the text and copy it.';
        });
    });
  }
}

// The contents list closes once a section is chosen, so it does not cover the text.
for (const contents of document.querySelectorAll<HTMLDetailsElement>('.toc details')) {
  contents.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) contents.open = false;
  });
}
