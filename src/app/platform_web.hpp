// Browser facts the C++ side needs each frame: CSS size of the page and devicePixelRatio.
#pragma once
#include <cstdint>

namespace pb::app {

struct Viewport {
  int css_width = 0, css_height = 0;
  float device_pixel_ratio = 1.0f;
};

Viewport read_viewport();
// Tells the page the app is ready (resolves pipeboard.ready).
void announce_ready();
// Wall-clock time (Date.now()).
double date_now_ms();
// Monotonic time (performance.now()), for timers and measurements.
double now_precise_ms();
// 64 random bits from crypto.getRandomValues.
std::uint64_t random_u64();
// A positive integer from the page's query string (?demo=10000), or 0.
int url_int(const char* name);

}  // namespace pb::app
