#include "io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pb::cli {

bool read_input(const std::string& path, std::size_t max_bytes, std::string& text, std::size_t& size, std::string& error) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    error = path + ": " + std::strerror(errno);
    return false;
  }
  text.clear();
  size = 0;
  static char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
    if (text.size() <= max_bytes) text.append(buffer, std::min(n, max_bytes + 1 - text.size()));
    size += n;
    if (n < sizeof buffer) break;
  }
  const bool failed = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (failed) {
    error = path + ": read error";
    return false;
  }
  return true;
}

bool write_output(const std::string& path, const std::string& text, std::string& error) {
  if (path == "-") {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
      error = "stdout: write error";
      return false;
    }
    return true;
  }
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    error = tmp + ": " + std::strerror(errno);
    return false;
  }
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !written || std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = path + ": " + std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace pb::cli
