// Runs inside the workbench page (added as an init script): watchers that time and record what the UI shows,
// so the suite measures on the page's own clock instead of through Playwright's round trips.
(() => {
  const problemsLabel = () => document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '';
  const squiggleCount = () => document.querySelectorAll('.editor-instance .monaco-editor .squiggly-error').length;

  window.graycheckProbes = {
    problemsLabel,
    squiggleCount,

    /** Records the next Ctrl+Shift+K keydown and the first DOM change after it that shows a new error. */
    installLatencyProbe() {
      const label = problemsLabel();
      const squiggles = squiggleCount();
      const probe = { label, keyAt: undefined, shownAt: undefined, via: undefined };
      const onKey = (event) => {
        if (probe.keyAt === undefined && event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 'k') probe.keyAt = event.timeStamp;
      };
      const observer = new MutationObserver(() => {
        if (probe.keyAt === undefined || probe.shownAt !== undefined) return;
        if (squiggleCount() > squiggles) {
          probe.shownAt = performance.now();
          probe.via = 'squiggle';
        } else if (problemsLabel() !== label) {
          probe.shownAt = performance.now();
          probe.via = 'problems counter';
        }
        if (probe.shownAt !== undefined) {
          observer.disconnect();
          window.removeEventListener('keydown', onKey, true);
        }
      });
      window.addEventListener('keydown', onKey, true);
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label', 'class'] });
      window.graycheckProbes.latency = probe;
      return label;
    },

    /** Remembers every text about the workspace check that a notification or the status bar shows from now on. */
    watchProgress() {
      const seen = [];
      const look = () => {
        for (const element of document.querySelectorAll('.notification-toast, .statusbar-item')) {
          const text = element.textContent ?? '';
          if (/checking the workspace/i.test(text) && !seen.includes(text)) seen.push(text);
        }
      };
      new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
      window.graycheckProbes.progress = seen;
    },
  };
})();
