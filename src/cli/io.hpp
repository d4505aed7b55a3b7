// File and stdin I/O for pipeboard-json. Reads stop one byte past the limit, so a 200 MB file
// costs no more memory than the largest document the core accepts.
#pragma once
#include <cstddef>
#include <string>

namespace pb::cli {

// Reads `path` ("-" = stdin) into text, keeping at most max_bytes + 1 bytes; `size` is the whole
// input's size (the rest is counted, not kept). False with `error` on I/O failure.
bool read_input(const std::string& path, std::size_t max_bytes, std::string& text, std::size_t& size, std::string& error);
// Writes text to `path` ("-" = stdout) through a temporary file renamed into place.
bool write_output(const std::string& path, const std::string& text, std::string& error);

}  // namespace pb::cli
