#include "platform_web.hpp"

#include <emscripten.h>

// clang-format off
EM_JS(int, pb_css_width, (), { return Math.max(1, Math.floor(window.innerWidth)); });
EM_JS(int, pb_css_height, (), { return Math.max(1, Math.floor(window.innerHeight)); });
EM_JS(double, pb_date_now, (), { return Date.now(); });
EM_JS(double, pb_device_pixel_ratio, (), { return window.devicePixelRatio || 1; });
EM_JS(int, pb_url_int, (const char* name), {
  const v = new URLSearchParams(window.location.search).get(UTF8ToString(name));
  const n = v === null ? 0 : parseInt(v, 10);
  return isFinite(n) && n > 0 ? n : 0;
});
EM_JS(double, pb_random_u32, (), { return crypto.getRandomValues(new Uint32Array(1))[0]; });
EM_JS(void, pb_announce_ready, (), { if (window.pipeboard && window.pipeboard._resolveReady) window.pipeboard._resolveReady(); });
// clang-format on

namespace pb::app {

Viewport read_viewport() {
  Viewport v;
  v.css_width = pb_css_width();
  v.css_height = pb_css_height();
  double dpr = pb_device_pixel_ratio();
  // Clamp: a zoomed-out page can report tiny ratios, and 4x is more than any screen needs.
  v.device_pixel_ratio = static_cast<float>(dpr < 0.5 ? 0.5 : (dpr > 4.0 ? 4.0 : dpr));
  return v;
}

void announce_ready() { pb_announce_ready(); }

double date_now_ms() { return pb_date_now(); }

double now_precise_ms() { return emscripten_get_now(); }

std::uint64_t random_u64() {
  return (static_cast<std::uint64_t>(pb_random_u32()) << 32) ^ static_cast<std::uint64_t>(pb_random_u32());
}

int url_int(const char* name) { return pb_url_int(name); }

}  // namespace pb::app
