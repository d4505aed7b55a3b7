// Browser glue the C++ side calls (linked with --js-library): input activity for idling,
// and the clipboard, which Emscripten's GLFW does not provide.
mergeInto(LibraryManager.library, {
  $PbPlatform: {
    lastActivity: 0,
    pasted: '',
    clipboardPtr: 0,
  },

  pb_platform_init__deps: ['$PbPlatform'],
  pb_platform_init: function () {
    const touch = () => { PbPlatform.lastActivity = performance.now(); };
    touch();
    for (const type of ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'keypress', 'touchstart',
      'touchmove', 'touchend', 'resize', 'focus', 'blur', 'paste', 'visibilitychange']) {
      window.addEventListener(type, touch, { capture: true, passive: true });
    }
    if (window.matchMedia) {
      // Dragging the window to another screen changes devicePixelRatio without a resize event.
      const watch = () => {
        const mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
        mq.addEventListener('change', () => { touch(); watch(); }, { once: true });
      };
      watch();
    }
    // Browsers only give clipboard text to a paste event; keep it for ImGui's next read.
    document.addEventListener('paste', (e) => {
      const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (text) PbPlatform.pasted = text;
    });
  },

  pb_ms_since_activity__deps: ['$PbPlatform'],
  pb_ms_since_activity: function () {
    return performance.now() - PbPlatform.lastActivity;
  },

  pb_note_activity__deps: ['$PbPlatform'],
  pb_note_activity: function () {
    PbPlatform.lastActivity = performance.now();
  },

  pb_clipboard_set__deps: ['$PbPlatform'],
  pb_clipboard_set: function (ptr) {
    const text = UTF8ToString(ptr);
    PbPlatform.pasted = text;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(() => {});
    }
  },

  pb_clipboard_get__deps: ['$PbPlatform', 'malloc', 'free'],
  pb_clipboard_get: function () {
    if (PbPlatform.clipboardPtr) _free(PbPlatform.clipboardPtr);
    const size = lengthBytesUTF8(PbPlatform.pasted) + 1;
    PbPlatform.clipboardPtr = _malloc(size);
    stringToUTF8(PbPlatform.pasted, PbPlatform.clipboardPtr, size);
    return PbPlatform.clipboardPtr;
  },
});
