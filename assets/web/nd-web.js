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
    hasEntries: false,    // the diary holds an entry (web_main.cpp says)
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
      askPersistence();   // the first save: ask the browser to keep the diary
      ndWeb.activity++;   // a frame or two, so the next check runs soon
      store();            // changed again meanwhile? store again
    });
  }
  ndWeb.afterFrame = () => {
    // When the first frame was drawn (ms since navigation): tools/web-test/measure.mjs reads it.
    if (!ndWeb.firstFrameAt) ndWeb.firstFrameAt = performance.now();
    ndWeb.framesDrawn = (ndWeb.framesDrawn || 0) + 1;
    tapPending();   // the accessible mirror: a control it scrolled into view is tapped now
    store();
  };
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

  // ---- Keeping the diary: persistent storage -------------------------------
  // A browser may clear a site's storage when the device runs low on space,
  // unless it agreed to keep it (navigator.storage.persist()). The app asks at
  // the first save, says why in plain words (#nd-keep), and when the browser
  // says no, offers a backup download at once. Settings shows the answer
  // (WebServices::storage_note reads ndWeb.persisted).
  //   ndWeb.persisted: null (not asked yet), true, false, or 'unsupported'
  const keep = document.getElementById('nd-keep');
  const keepText = document.getElementById('nd-keep-text');
  const keepBackup = document.getElementById('nd-keep-backup');
  const keepClose = document.getElementById('nd-keep-close');
  ndWeb.persistAsked = false;
  ndWeb.persistAnswers = [];
  function showKeep(text, offerBackup) {
    keepText.textContent = text;
    keepBackup.hidden = !offerBackup;
    keepClose.textContent = offerBackup ? 'Not now' : 'OK';
    keep.hidden = false;
  }
  keepClose.addEventListener('click', () => { keep.hidden = true; ndWeb.activity++; });
  keepBackup.addEventListener('click', () => {
    keep.hidden = true;
    Module._nd_web_show_backup();   // the Export page with "Backup" chosen: one tap to download
    ndWeb.activity++;
  });
  function checkPersisted() {
    if (!navigator.storage || !navigator.storage.persist || !navigator.storage.persisted) {
      ndWeb.persisted = 'unsupported';
      return;
    }
    navigator.storage.persisted().then((p) => { if (p) ndWeb.persisted = true; ndWeb.activity++; }, () => {});
  }
  function askPersistence() {
    if (!ndWeb.hasEntries) return;   // the first-run settings are not "the first save"
    if (ndWeb.persistAsked || ndWeb.persisted === true || ndWeb.persisted === 'unsupported') return;
    ndWeb.persistAsked = true;
    showKeep('Your diary is saved only here, in this browser on this device. When a device runs low on space, ' +
             'a browser may clear what websites keep. The app is asking this browser to keep your diary…', false);
    navigator.storage.persist().then((p) => {
      ndWeb.persisted = !!p;
      ndWeb.persistAnswers.push(!!p);
      console.log('nd: persistent storage ' + (p ? 'granted' : 'refused'));
      if (p) {
        showKeep('Done: this browser agreed to keep your diary even when space runs low. ' +
                 'Clearing the browser\'s data would still delete it, so a backup now and then is a good idea.', false);
      } else {
        showKeep('This browser did not agree to keep your diary for sure: it might clear it one day when space ' +
                 'runs low. Download a backup now and keep it somewhere safe, like your files or a cloud drive.', true);
      }
      ndWeb.activity++;
    }, (e) => {
      ndWeb.persisted = false;
      showKeep('This browser could not promise to keep your diary (' + e + '). Download a backup now and keep it ' +
               'somewhere safe.', true);
    });
  }

  // ---- Touch -------------------------------------------------------------
  function canvasXY(t) {
    const r = canvas.getBoundingClientRect();
    return [(t.clientX - r.left) * canvas.width / r.width, (t.clientY - r.top) * canvas.height / r.height];
  }
  let touchId = null;
  let refocusing = false;   // a blur of our own (to re-show the keyboard), not a dismissal
  const PHASE = { touchstart: 0, touchmove: 1, touchend: 2, touchcancel: 3 };
  function onTouch(e) {
    if (e.target !== canvas || !ndWeb.running) return;
    // Two fingers: the browser's pinch-zoom (touch-action: pinch-zoom), not the app.
    if (e.touches.length > 1) {
      if (touchId !== null) { Module._nd_web_touch(3, 0, 0); touchId = null; }
      return;
    }
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
        if (phase === 2 && ndWeb.wantText) {
          // Android hides its keyboard (Back) without taking the focus away: a tap
          // then changes nothing. When the visible area is as tall as the window
          // (no keyboard), blur and focus again, inside this tap, to bring it back.
          const vv = window.visualViewport;
          if (document.activeElement === textInput && vv && vv.height > window.innerHeight * 0.9) {
            refocusing = true;
            textInput.blur();
            refocusing = false;
          }
          focusText();
        }
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
  // What the app was sent of the word being composed (an Android keyboard composes
  // every word; Japanese or Chinese input composes before choosing). It is shown
  // as it is typed: each update sends only the change (Backspaces for what no
  // longer matches, then the new characters), so the field always shows the
  // composition, and the final word when it is committed.
  let composing = '';
  function sendChange(before, after) {
    const a = Array.from(before), b = Array.from(after);   // code points: an emoji is one
    let same = 0;
    while (same < a.length && same < b.length && a[same] === b[same]) ++same;
    for (let i = same; i < a.length; ++i) Module._nd_web_key(0);
    const added = b.slice(same).join('');
    if (added) Module.ccall('nd_web_text', null, ['string'], [added]);   // UTF-16 to UTF-8, pairs joined
    ndWeb.activity++;
  }
  textInput.addEventListener('compositionstart', () => { composing = ''; });
  textInput.addEventListener('compositionupdate', (e) => {
    const now = e.data || '';
    sendChange(composing, now);
    composing = now;
  });
  textInput.addEventListener('compositionend', (e) => {
    sendChange(composing, e.data || '');
    composing = '';
    resetText();
  });
  textInput.addEventListener('input', (e) => {
    if (e.isComposing) return;   // the composition events above show it
    if (e.inputType === 'insertLineBreak') { Module._nd_web_key(1); resetText(); return; }
    sendTyped();
  });
  // A resize (a keyboard opening, the phone turned) can take the focus off the
  // hidden input for a moment; that is not the person dismissing the keyboard.
  let lastResize = 0;
  const resized = () => { lastResize = performance.now(); };
  window.addEventListener('resize', resized);
  if (window.visualViewport) window.visualViewport.addEventListener('resize', resized);
  textInput.addEventListener('blur', () => {
    if (refocusing || !ndWeb.wantText) return;
    // Decided a moment later, when any resize that came with the blur is known.
    setTimeout(() => {
      if (!ndWeb.wantText || document.activeElement === textInput) return;
      if (performance.now() - lastResize < 1000) { focusText(); return; }   // a resize: keep typing
      // The keyboard was dismissed (or the page lost focus) while the app still
      // had a field open: the app lets go of the field, so the next tap on it
      // opens it, and the keyboard, again.
      if (ndWeb.running) Module._nd_web_text_dismissed();
      ndWeb.wantText = false;
      ndWeb.activity++;
    }, 300);
  });

  // ---- The on-screen keyboard covers the page's bottom ----------------------
  // visualViewport is the part of the page the person sees; a keyboard shrinks
  // it. web_main.cpp asks for its bottom (CSS px from the canvas's top) and
  // scrolls the field being typed in above it.
  ndWeb.visibleBottom = () => {
    const r = canvas.getBoundingClientRect();
    const vv = window.visualViewport;
    const bottom = vv ? vv.offsetTop + vv.height : window.innerHeight;
    return Math.max(0, Math.min(r.bottom, bottom) - r.top);
  };
  if (window.visualViewport) {
    for (const type of ['resize', 'scroll']) window.visualViewport.addEventListener(type, () => { ndWeb.activity++; });
  }

  // ---- The browser's text size -------------------------------------------------
  // The size of "medium" text against the browser's default of 16 px: the
  // person's font size setting (desktop browsers), and the phone's own text size
  // where the browser passes it on (Chrome with <meta name="text-scale">); on iOS
  // the system's body text (Dynamic Type, 17 px by default). web_main.cpp follows
  // it while the app's own text size is Normal.
  function measureTextScale() {
    const probe = document.createElement('div');
    let base = 16;
    probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
    if (window.CSS && CSS.supports && CSS.supports('font', '-apple-system-body')) {
      probe.style.font = '-apple-system-body';
      base = 17;
    }
    document.body.appendChild(probe);
    const px = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return px > 0 ? Math.round(px / base * 100) / 100 : 1;
  }
  ndWeb.textScale = measureTextScale();
  const remeasure = () => { const t = measureTextScale(); if (t !== ndWeb.textScale) { ndWeb.textScale = t; ndWeb.activity++; } };
  window.addEventListener('resize', remeasure);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) remeasure(); });

  // ---- The phone's own file chooser (restoring a backup) --------------------
  // The app asks (WebServices::choose_file); the chosen file is copied into the
  // page's file system and its path handed to the app's restore steps, the same
  // core path as the desktop (restore_from_file).
  const fileInput = document.getElementById('nd-file');
  let chosen = '';
  const CHOSEN_DIR = '/From this device';
  ndWeb.chooseFile = (accept) => {
    fileInput.accept = accept;
    fileInput.value = '';
    fileInput.click();   // within the tap's user activation (a frame or two after it)
    return 1;
  };
  fileInput.addEventListener('change', () => {
    const f = fileInput.files && fileInput.files[0];
    if (!f) return;
    f.arrayBuffer().then((buf) => {
      const FS = FSys();
      try { FS.mkdir(CHOSEN_DIR); } catch (e) { /* there already */ }
      const name = (f.name || 'backup.ndbackup').replace(/[\/\\\x00-\x1f]/g, '_');
      const path = CHOSEN_DIR + '/' + name;
      FS.writeFile(path, new Uint8Array(buf));
      chosen = path;
      ndWeb.activity++;
    }, (e) => console.warn('nd: could not read the chosen file: ' + e));
  });
  ndWeb.takeChosen = () => { const c = chosen; chosen = ''; return c; };

  // ---- "Call 112 now": a real tel: link over the app's banner ---------------
  const callLink = document.getElementById('nd-call');
  ndWeb.placeCallLink = (number, x0, y0, x1, y1) => {
    document.body.classList.toggle('nd-warning', !!number);
    if (!number) { callLink.hidden = true; callLink.removeAttribute('href'); return; }
    callLink.href = 'tel:' + number;
    callLink.textContent = 'Call ' + number + ' now';
    const c = canvas.getBoundingClientRect();   // the canvas sits inside the safe area
    Object.assign(callLink.style, { left: (c.left + x0) + 'px', top: (c.top + y0) + 'px', width: (x1 - x0) + 'px', height: (y1 - y0) + 'px' });
    callLink.hidden = false;
  };

  // ---- The accessible mirror ------------------------------------------------
  // The app draws on a canvas, which a screen reader cannot read. From the
  // widget rectangles the app records (web_a11y.cpp) the page keeps an
  // invisible DOM layer over the canvas: one element per control on screen, in
  // reading order (top to bottom, left to right), with a role, a name and a
  // state, at the control's place (so touch exploration finds it there). A
  // screen reader's "activate" clicks the element; the click becomes a tap at
  // the control's centre. A live region says the page, the app's messages and
  // the warning. The layer takes no pointer events: sighted taps go to the canvas.
  const mirror = document.getElementById('nd-a11y');
  const live = document.getElementById('nd-live');
  const PAGES = ['Welcome', 'Log', 'Diary', 'Patterns', 'Possible causes', 'Daily check-in', 'Health background',
                 'Settings', 'More', 'Export and backup', 'Questionnaires'];
  const SIGNS = { face: 'Face drooping', arm: 'Arm weak or numb', speech: 'Trouble speaking',
                  saddle: 'Numb between the legs, or lost bladder or bowel control', leg: 'A whole leg weak' };
  const words = (t) => t.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  const cap = (t) => t.charAt(0).toUpperCase() + t.slice(1);
  // Icons are private-use characters (Font Awesome); "Label##id" shows "Label".
  function visibleLabel(key) {
    const shown = key.split('##')[0].replace(/[\uE000-\uF8FF]/g, '').trim();
    return shown || words(key.split('##')[1] || '');
  }
  function describe(key) {
    if (key === 'call_banner' || key.startsWith('tile:') || key === 'log_saved' || key === 'log_warning' ||
        key === 'log_error' || key === 'storage_note' || key.startsWith('diary:red_flag:')) return null;
    let m;
    if ((m = /^(tab|nav):(\w+)$/.exec(key))) return { role: 'link', name: cap(words(m[2] === 'more' ? 'more' : m[2])) };
    if ((m = /^sign:(\w+)$/.exec(key))) return { role: 'checkbox', name: SIGNS[m[1]] || cap(words(m[1])) };
    if ((m = /^format:(\w+)$/.exec(key))) {
      const names = { pdf: 'PDF report', csv: 'Spreadsheet (CSV)', fhir: 'FHIR file for health records',
                      backup: 'Backup', restore: 'Bring back a backup' };
      return { role: 'radio', name: names[m[1]] || m[1] };
    }
    if ((m = /^diary:episode:/.exec(key))) return { role: 'button', name: 'Episode' };
    if ((m = /^diary:checkin:(.*)$/.exec(key))) return { role: 'button', name: 'Check-in ' + m[1] };
    if (key.startsWith('##') || key.startsWith('field:')) {
      const name = key.startsWith('field:') ? visibleLabel(key.slice(6)) : cap(words(key.slice(2)));
      return { role: 'textbox', name };
    }
    if ((m = /^(\w+):(\w+)$/.exec(key)) && !key.includes(' ')) return { role: 'button', name: cap(words(m[2])) };
    const name = visibleLabel(key);
    return name ? { role: 'button', name } : null;
  }
  function tapAt(x0, y0, x1, y1) {
    const r = canvas.getBoundingClientRect();
    const sx = canvas.width / r.width, sy = canvas.height / r.height;
    const x = (x0 + x1) / 2 * sx, y = (y0 + y1) / 2 * sy;
    Module._nd_web_touch(0, x, y);
    Module._nd_web_touch(2, x, y);
    ndWeb.activity++;
    if (ndWeb.wantText) focusText();
  }
  // A control scrolled out of view: scroll it to the middle first (a finger
  // drag, as the person would), then tap it once the mirror has it in view.
  let pendingKey = null;
  let mirrorRows = [];
  function tapPending() {
    if (!pendingKey || !Module._nd_web_input_idle()) return;
    const r = mirrorRows.find((x) => x.key === pendingKey);
    const vh = canvas.getBoundingClientRect().height;
    if (r && r.shown && r.y0 >= 0 && r.y1 <= vh) { pendingKey = null; tapAt(r.x0, r.y0, r.x1, r.y1); }
  }
  function scrollIntoView(x0, y0, x1, y1) {
    const r = canvas.getBoundingClientRect();
    const sy = canvas.height / r.height;
    const x = r.width / 2 * sy, mid = r.height / 2;
    const delta = (y0 + y1) / 2 - mid;   // CSS px the content moves up
    const y = delta > 0 ? Math.min(r.height - 40, mid + 100) : Math.max(40, mid - 100);
    const step = delta > 0 ? -20 : 20;
    Module._nd_web_touch(0, x, y * sy);
    Module._nd_web_touch(1, x, (y + step) * sy);            // past the drag threshold: a scroll
    Module._nd_web_touch(1, x, (y + step - delta) * sy);    // the whole distance
    Module._nd_web_touch(1, x, (y + step - delta) * sy);    // held still: no glide
    Module._nd_web_touch(2, x, (y + step - delta) * sy);
    ndWeb.activity++;
  }
  function activate(row) {
    const vh = canvas.getBoundingClientRect().height;
    if (row.shown && row.y0 >= 0 && row.y1 <= vh) { pendingKey = null; tapAt(row.x0, row.y0, row.x1, row.y1); return; }
    pendingKey = row.key;
    scrollIntoView(row.x0, row.y0, row.x1, row.y1);
  }
  let lastPage = -1, lastToast = '', lastWarning = false;
  function announce(text) { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 50); }
  ndWeb.updateMirror = (json) => {
    const d = JSON.parse(json);
    const rows = [];
    for (const [key, x0, y0, x1, y1, shown] of d.items) {
      const what = describe(key);
      if (what) rows.push({ key, x0, y0, x1, y1, shown: !!shown, ...what });
    }
    for (const [key, x0, y0, x1, y1, on] of d.regions) {
      const [region, side] = key.split(':');
      rows.push({ key: 'region:' + key, x0, y0, x1, y1, shown: true, role: 'checkbox', checked: !!on,
                  name: cap(words((side === 'middle' ? '' : side + ' ') + region)) });
    }
    rows.sort((a, b) => (Math.abs(a.y0 - b.y0) > 8 ? a.y0 - b.y0 : a.x0 - b.x0));
    const c = canvas.getBoundingClientRect();   // the canvas sits inside the safe area
    const frag = document.createDocumentFragment();
    const h = document.createElement('h1');
    h.textContent = PAGES[d.page] || 'Numbness Diary';
    frag.appendChild(h);
    for (const r of rows) {
      const el = document.createElement(r.role === 'textbox' ? 'div' : 'button');
      if (r.role !== 'button') el.setAttribute('role', r.role);
      if (r.role === 'textbox') el.tabIndex = 0;
      if (r.role === 'checkbox' && r.checked !== undefined) el.setAttribute('aria-checked', String(r.checked));
      el.setAttribute('aria-label', r.name);
      el.dataset.key = r.key;
      Object.assign(el.style, { left: (c.left + r.x0) + 'px', top: (c.top + r.y0) + 'px', width: (r.x1 - r.x0) + 'px', height: (r.y1 - r.y0) + 'px' });
      el.addEventListener('click', () => activate(r));
      frag.appendChild(el);
    }
    mirror.replaceChildren(frag);
    mirrorRows = rows;
    tapPending();
    if (d.page !== lastPage) { lastPage = d.page; announce(h.textContent); }
    if (d.toast && d.toast !== lastToast) announce(d.toast);
    lastToast = d.toast;
    if (d.warning && !lastWarning) announce('Warning: this needs attention now. ' + (callLink.hidden ? '' : callLink.textContent));
    lastWarning = d.warning;
  };

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
    checkPersisted();   // only asks what it is; the question itself waits for the first save
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
