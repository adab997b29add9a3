// The live preview's only script (`quire watch`): reload the guide after each rebuild, keeping the reader's
// place, and show a failed build's error above the last good output.
(() => {
  const frame = document.getElementById('view');
  const status = document.getElementById('status');
  const error = document.getElementById('error');
  const chapters = document.getElementById('chapters');
  if (chapters)
    chapters.addEventListener('change', () => {
      if (chapters.value) frame.src = chapters.value;
    });
  const events = new EventSource('/__quire/events');
  events.addEventListener('build', (event) => {
    const report = JSON.parse(event.data);
    const at = report.at.replace('T', ' ').slice(0, 19);
    const pending = report.pending || [];
    // The HTML first; the PDF and EPUB follow (a second report of the same build says they are ready).
    const state = !report.ok
      ? 'failed'
      : pending.length
        ? `HTML ready; ${pending.join(', ').toUpperCase()} being made`
        : 'done';
    status.textContent = `Build ${report.number} ${state} at ${at} (${report.ms} ms)`;
    for (const format of ['pdf', 'epub']) {
      const link = document.getElementById(format);
      if (!link) continue;
      link.classList.toggle('pending', pending.includes(format));
      link.textContent = format.toUpperCase() + (pending.includes(format) ? ' (being made…)' : '');
    }
    // A printed format ready for the first time has no link yet: the bar is remade.
    if (
      report.ok &&
      report.written.some((n) => /\.(pdf|epub)$/.test(n) && !document.getElementById(n.split('.').pop()))
    )
      return location.reload();
    if (!report.ok) {
      error.textContent = `${report.error}\nThe last good output is shown below.`;
      error.classList.add('shown');
      return;
    }
    error.textContent = '';
    error.classList.remove('shown');
    if (!report.written.length) return;
    // Chapters or parts may have come or gone: the bar is remade by reloading the page when the guide was
    // never shown; otherwise only the frame reloads, at the same scroll position.
    if (frame.src === 'about:blank' || !frame.contentWindow) return location.reload();
    let x = 0,
      y = 0;
    try {
      x = frame.contentWindow.scrollX;
      y = frame.contentWindow.scrollY;
    } catch {
      /* a PDF viewer */
    }
    frame.addEventListener(
      'load',
      () => {
        try {
          frame.contentWindow.scrollTo(x, y);
        } catch {
          /* ignore */
        }
      },
      { once: true },
    );
    frame.contentWindow.location.reload();
  });
})();
