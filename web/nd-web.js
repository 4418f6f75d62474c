// The page's JavaScript around the wasm app (loaded before index.js):
//  - storage: mounts the diary folder /data on IndexedDB (IDBFS), loads it
//    before main() runs, stores it back after every committed change, says when
//    a change is not yet stored, warns before closing then, asks for persistent
//    storage;
//  - touch: takes touches off the canvas and hands them to the app (web_input.cpp);
//  - the phone keyboard: a hidden <input> that is focused while the app wants text;
//  - downloads (exports) and the clipboard;
//  - the service worker (offline).
// platform/web/*.cpp calls window.ndWeb.*; this file calls the app's exports (Module._nd_web_*).
(function () {
  'use strict';

  const DATA = '/data';
  const params = new URLSearchParams(location.search);
  const canvas = document.getElementById('canvas');
  const textInput = document.getElementById('nd-text');
  const statusEl = document.getElementById('nd-status');
  const loading = document.getElementById('nd-loading');
  const loadingText = document.getElementById('nd-loading-text');
  const SENTINEL = ' ';   // kept in the hidden input so Backspace on an "empty" field still reaches us

  const ndWeb = {
    activity: 0,          // bumped by any input; the app draws frames while it changes
    testMode: params.has('test'),
    storage: 'loading',   // loading | stored | unsaved | saving | error
    storageError: '',
    persisted: null,      // navigator.storage.persist() answer
    syncCount: 0,
    running: false,       // the app is up
  };
  window.ndWeb = ndWeb;

  function FSys() { return window.Module.FS; }

  // ---- Status pill -------------------------------------------------------
  let hideTimer = 0;
  function setStorage(state, detail) {
    if (ndWeb.storage === state && !detail) return;
    ndWeb.storage = state;
    clearTimeout(hideTimer);
    statusEl.className = 'show';
    if (state === 'stored') {
      statusEl.textContent = 'Stored on this device';
      statusEl.classList.add('stored');
      hideTimer = setTimeout(() => { statusEl.className = 'stored'; }, 1500);
    } else if (state === 'unsaved' || state === 'saving') {
      statusEl.textContent = 'Not yet stored…';
    } else if (state === 'error') {
      ndWeb.storageError = detail || 'unknown error';
      statusEl.textContent = 'Not stored: ' + ndWeb.storageError + '. Keep this page open and try again.';
      statusEl.classList.add('error');
    } else {
      statusEl.className = '';
    }
  }

  // The app shows its toasts ("Saved to your diary.") at the top too: while one
  // is on screen the status goes just below it (web_main.cpp says where it ends).
  ndWeb.setToastBottom = (cssPx) => {
    statusEl.style.top = cssPx > 0 ? (cssPx + 6) + 'px' : '';
  };

  // ---- Storage: IDBFS ----------------------------------------------------
  // A cheap fingerprint of the diary folder: name, size and modification time
  // (ms) of each file. A file written less than 2 ms ago may be written again
  // within the same ms, so it never counts as settled.
  function signature() {
    const FS = FSys();
    let sig = '';
    const now = Date.now();
    for (const name of FS.readdir(DATA)) {
      if (name === '.' || name === '..') continue;
      const node = FS.lookupPath(DATA + '/' + name).node;
      if (!FS.isFile(node.mode)) continue;
      const t = +node.timestamp;
      sig += name + ':' + (node.usedBytes || 0) + ':' + t + ';';
      if (now - t < 2) sig += Math.random();
    }
    return sig;
  }

  let syncing = false;
  let storedSig = null;
  let retryAt = 0;
  function store() {
    if (ndWeb.storage === 'loading' || syncing) return;
    const sig = signature();
    if (sig === storedSig) {
      if (ndWeb.storage !== 'stored' && ndWeb.storage !== 'error') setStorage('stored');
      return;
    }
    if (Date.now() < retryAt) return;
    syncing = true;
    setStorage('saving');
    // One IndexedDB transaction: the stored copy is always a whole, committed state.
    FSys().syncfs(false, (err) => {
      syncing = false;
      if (err) {
        retryAt = Date.now() + 2000;
        setStorage('error', String(err && (err.message || err.name || err.errno) || err));
        return;
      }
      storedSig = sig;
      ndWeb.syncCount++;
      ndWeb.activity++;   // a frame or two, so the next check runs soon
      store();            // changed again meanwhile? store again
    });
  }
  ndWeb.afterFrame = store;
  ndWeb.unsaved = () => ndWeb.storage === 'unsaved' || ndWeb.storage === 'saving' || ndWeb.storage === 'error';

  window.addEventListener('beforeunload', (e) => {
    store();
    if (ndWeb.unsaved()) {
      e.preventDefault();
      e.returnValue = 'Your last change is not stored yet.';
      return e.returnValue;
    }
  });
  // Phones close background tabs without warning: store when the page is hidden.
  document.addEventListener('visibilitychange', () => { if (document.hidden) store(); });

  function askPersistence() {
    if (!navigator.storage || !navigator.storage.persist) return;
    navigator.storage.persisted()
      .then((p) => p || navigator.storage.persist())
      .then((p) => { ndWeb.persisted = p; console.log('nd: persistent storage ' + (p ? 'granted' : 'not granted (the browser may clear it under storage pressure)')); })
      .catch(() => {});
  }

  // ---- Touch -------------------------------------------------------------
  function canvasXY(t) {
    const r = canvas.getBoundingClientRect();
    return [(t.clientX - r.left) * canvas.width / r.width, (t.clientY - r.top) * canvas.height / r.height];
  }
  let touchId = null;
  const PHASE = { touchstart: 0, touchmove: 1, touchend: 2, touchcancel: 3 };
  function onTouch(e) {
    if (e.target !== canvas || !ndWeb.running) return;
    // Ours alone: not GLFW's (its port maps touches badly), not the browser's
    // (no page scroll or zoom, no emulated mouse events).
    e.preventDefault();
    e.stopPropagation();
    ndWeb.activity++;
    const phase = PHASE[e.type];
    for (const t of e.changedTouches) {
      if (phase === 0) {
        if (touchId !== null) continue;   // one finger drives the app
        touchId = t.identifier;
      } else if (t.identifier !== touchId) {
        continue;
      }
      const [x, y] = canvasXY(t);
      Module._nd_web_touch(phase, x, y);
      if (phase >= 2) {
        touchId = null;
        // Still inside the tap's user gesture: phones show the keyboard only then.
        if (phase === 2 && ndWeb.wantText) focusText();
      }
    }
  }
  for (const type of Object.keys(PHASE)) window.addEventListener(type, onTouch, { capture: true, passive: false });
  for (const type of ['mousemove', 'mousedown']) {
    canvas.addEventListener(type, () => { if (ndWeb.running) Module._nd_web_mouse_used(); }, true);
  }
  for (const type of ['keydown', 'keyup', 'mousemove', 'mousedown', 'mouseup', 'wheel', 'resize', 'focus', 'input']) {
    window.addEventListener(type, () => { ndWeb.activity++; }, true);
  }

  // ---- The phone keyboard ------------------------------------------------
  ndWeb.wantText = false;
  function resetText() {
    textInput.value = SENTINEL;
    try { textInput.setSelectionRange(SENTINEL.length, SENTINEL.length); } catch (e) { /* not focused */ }
  }
  function focusText() {
    if (document.activeElement !== textInput) {
      resetText();
      textInput.focus({ preventScroll: true });
    }
  }
  ndWeb.wantTextInput = (want) => {
    ndWeb.wantText = want;
    if (want) focusText();
    else if (document.activeElement === textInput) textInput.blur();
  };
  function sendTyped() {
    const v = textInput.value;
    if (v.startsWith(SENTINEL)) {
      const typed = v.slice(SENTINEL.length);
      if (typed) Module.ccall('nd_web_text', null, ['string'], [typed]);
    } else if (v.length < SENTINEL.length) {
      Module._nd_web_key(0);   // the sentinel was deleted: Backspace
    } else {
      Module.ccall('nd_web_text', null, ['string'], [v]);
    }
    resetText();
  }
  // A physical keyboard: GLFW already has the key (its listeners are on window);
  // keep the character out of the input so it is not typed twice.
  textInput.addEventListener('keypress', (e) => e.preventDefault());
  textInput.addEventListener('input', (e) => {
    if (e.isComposing) return;   // a word being composed (IME): wait for compositionend
    if (e.inputType === 'insertLineBreak') { Module._nd_web_key(1); resetText(); return; }
    sendTyped();
  });
  textInput.addEventListener('compositionend', sendTyped);
  textInput.addEventListener('blur', () => {
    // The app still wants text (the person tapped elsewhere on the page): let go
    // of the keyboard; the app's field loses focus on its own next tap.
    ndWeb.wantText = false;
  });

  // ---- Downloads and clipboard ---------------------------------------------
  const MIME = { csv: 'text/csv', json: 'application/json', pdf: 'application/pdf', txt: 'text/plain',
                 sqlite: 'application/vnd.sqlite3', ndbackup: 'application/octet-stream' };
  ndWeb.download = (path) => {
    let data;
    try { data = FSys().readFile(path); } catch (e) { return 0; }
    const name = path.split('/').pop();
    const ext = (name.split('.').pop() || '').toLowerCase();
    const url = URL.createObjectURL(new Blob([data], { type: MIME[ext] || 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(url); a.remove(); }, 10000);
    return 1;
  };
  ndWeb.copyText = (text) => {
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
  };

  // ---- Start-up ------------------------------------------------------------
  // Called by web_main.cpp once the diary is open and the first frame is due.
  ndWeb.onStarted = () => {
    ndWeb.running = true;
    loading.classList.add('hidden');
    storedSig = signature();   // what was just loaded from IndexedDB
    setStorage('stored');
    statusEl.className = '';
    askPersistence();
  };
  ndWeb.fatal = (text) => {
    loading.classList.remove('hidden');
    loadingText.textContent = text;
  };

  window.Module = {
    canvas,
    preRun: [function (mod) {
      const FS = mod.FS;
      FS.mkdir(DATA);
      FS.mount(FS.filesystems.IDBFS, {}, DATA);
      mod.addRunDependency('nd-idbfs');
      FS.syncfs(true, (err) => {
        if (err) {
          ndWeb.fatal('Could not read your diary from this browser\'s storage (' + err + '). ' +
                      'Private windows and some settings block it.');
          return;   // main() does not run: nothing is overwritten
        }
        mod.removeRunDependency('nd-idbfs');
      });
    }],
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    setStatus: (t) => { if (t && !ndWeb.running) loadingText.textContent = t.replace(/\(\d+\/\d+\)/, '').trim() || 'Opening your diary…'; },
    onAbort: (what) => ndWeb.fatal('The app stopped: ' + what),
  };
  if ('serviceWorker' in navigator && location.protocol !== 'file:' && !params.has('nosw')) {
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('sw.js').catch((e) => console.warn('nd: no offline copy: ' + e));
    });
  }
})();
