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
    // Undo / redo keys are taken here, before GLFW: ImGui's key queue can split a fast chord.
    // A focused text field keeps them for its own undo.
    window.addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      if (PbPlatform.textarea && document.activeElement === PbPlatform.textarea) return;
      e.preventDefault();
      Module['_pb_on_shortcut'](key === 'y' || e.shiftKey ? 2 : 1);
    }, { capture: true });
    // Browsers only give clipboard text to a paste event; keep it for ImGui's next read.
    document.addEventListener('paste', (e) => {
      const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (text) PbPlatform.pasted = text;
    });
  },

  // Text arrives through a hidden textarea rather than keypress events, so input methods (IME,
  // dead keys, mobile keyboards, paste-as-typing) work. C++ tells us when a text field is active.
  pb_set_text_input__deps: ['$PbPlatform', 'malloc', 'free'],
  pb_set_text_input: function (active) {
    let ta = PbPlatform.textarea;
    if (!ta) {
      ta = PbPlatform.textarea = document.createElement('textarea');
      ta.setAttribute('aria-hidden', 'true');
      ta.setAttribute('autocomplete', 'off');
      ta.setAttribute('autocapitalize', 'off');
      ta.setAttribute('spellcheck', 'false');
      ta.style.cssText = 'position:fixed;left:-1000px;top:0;width:10px;height:10px;opacity:0;';
      document.body.appendChild(ta);
      const send = (text) => {
        if (!text) return;
        const size = lengthBytesUTF8(text) + 1;
        const ptr = _malloc(size);
        stringToUTF8(text, ptr, size);
        Module['_pb_on_text'](ptr);
        _free(ptr);
        PbPlatform.lastActivity = performance.now();
      };
      ta.addEventListener('input', (e) => {
        if (e.isComposing) return;
        // Ctrl+V reaches ImGui as a key and reads the clipboard through pb_clipboard_get.
        if (e.inputType === 'insertFromPaste') { ta.value = ''; return; }
        send(ta.value);
        ta.value = '';
      });
      ta.addEventListener('compositionend', () => { send(ta.value); ta.value = ''; });
    }
    if (active && document.activeElement !== ta) ta.focus({ preventScroll: true });
    if (!active && document.activeElement === ta) ta.blur();
  },

  // Sizes the canvas backbuffer in device pixels. Emscripten's glfwSetWindowSize would go full
  // screen (with pointer lock) whenever the size equals the screen's, so we set it ourselves.
  pb_set_canvas_size__deps: ['$Browser', '$GLFW'],
  pb_set_canvas_size: function (width, height) {
    Browser.setCanvasSize(width, height);
    if (GLFW.active) {
      GLFW.active.width = width;
      GLFW.active.height = height;
    }
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
