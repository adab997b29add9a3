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
    status.textContent = `Build ${report.number} ${report.ok ? 'done' : 'failed'} at ${at} (${report.ms} ms)`;
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
