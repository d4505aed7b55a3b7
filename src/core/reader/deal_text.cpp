// Fast paths for the deals of a workspace document (see deal_text.hpp). A 100k-deal
// workspace is ~70 MB of JSON; building and walking an nlohmann DOM for it takes seconds, so the
// deals are written straight to text and read straight from it. Everything else in the document
// (pipelines, people, fields, views: small) still goes through the DOM and the usual readers.
#include "deal_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "codec.hpp"
#include "validate.hpp"

namespace pb::detail {
namespace {

// Length of the well-formed UTF-8 sequence at p (RFC 3629, as nlohmann checks it), or 0.
std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  const unsigned c = p[0];
  auto cont = [&](std::size_t i, unsigned lo, unsigned hi) { return p + i < end && p[i] >= lo && p[i] <= hi; };
  if (c < 0xC2) return 0;
  if (c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// [SECTION] Deal keys in key order

// The table's rows sorted by key: the order nlohmann's DOM (a std::map) dumps a deal's members
// in, so the order the writer writes and the reader expects first.
constexpr auto kFieldsByKey = [] {
  std::array<DealField, kDealFieldCount> order{};
  for (std::size_t i = 0; i < kDealFieldCount; ++i) order[i] = kDealFields[i].field;
  for (std::size_t i = 1; i < order.size(); ++i)  // insertion sort: constexpr, and a handful of rows
    for (std::size_t j = i; j > 0 && field_info(order[j]).key < field_info(order[j - 1]).key; --j) {
      const DealField t = order[j];
      order[j] = order[j - 1];
      order[j - 1] = t;
    }
  return order;
}();

// f(DealFieldRow<...>{}) for every row, in key order.
template <class F, std::size_t... I>
void for_each_by_key(F&& f, std::index_sequence<I...>) {
  (f(DealFieldRow<kFieldsByKey[I]>{}), ...);
}
template <class F>
void for_each_by_key(F&& f) {
  for_each_by_key(f, std::make_index_sequence<kDealFieldCount>{});
}

// [SECTION] Writer

// Appends to a string through a chunk of plain memory: a capacity check per piece instead of
// std::string's bookkeeping per character (which dominates in wasm). Flushes when destroyed.
class Buffer {
 public:
  explicit Buffer(std::string& out) : out_(out), chunk_(1u << 16), p_(chunk_.data()), end_(p_ + chunk_.size()) {}
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer() { flush(); }

  void operator+=(char c) {
    need(1);
    *p_++ = c;
  }
  void operator+=(std::string_view s) { append(s.data(), s.size()); }
  void append(const char* s, std::size_t n) {
    need(n);
    std::memcpy(p_, s, n);
    p_ += n;
  }
  void append(const char* first, const char* last) { append(first, static_cast<std::size_t>(last - first)); }
  void append(std::size_t n, char c) {
    need(n);
    std::memset(p_, c, n);
    p_ += n;
  }
  // Room for n more characters, to be written through put().
  void need(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
  }
  void put(char c) { *p_++ = c; }

 private:
  void flush() {
    out_.append(chunk_.data(), static_cast<std::size_t>(p_ - chunk_.data()));
    p_ = chunk_.data();
  }
  void grow(std::size_t n) {
    flush();
    if (chunk_.size() < n) {
      chunk_.resize(n);
      p_ = chunk_.data();
      end_ = p_ + n;
    }
  }

  std::string& out_;
  std::vector<char> chunk_;
  char* p_;
  char* end_;
};

class Writer {
 public:
  Writer(std::string& out, int indent) : out_(out), indent_(indent) {}

  bool deals(const Table<Deal>& deals, int level) {
    if (deals.empty()) {
      out_ += "[]";
      return true;
    }
    open('[');
    const int inner = level + step();
    for (std::size_t i = 0; i < deals.size(); ++i) {
      item(i == 0, inner);
      if (!deal(deals.at(i), inner)) return false;
    }
    close(']', level);
    return true;
  }

 private:
  bool pretty() const { return indent_ >= 0; }
  int step() const { return pretty() ? indent_ : 0; }
  void open(char c) {
    out_ += c;
    if (pretty()) out_ += '\n';
  }
  void close(char c, int level) {
    if (pretty()) {
      out_ += '\n';
      out_.append(static_cast<std::size_t>(level), ' ');
    }
    out_ += c;
  }
  void item(bool first, int level) {
    if (!first) out_ += pretty() ? ",\n" : ",";
    if (pretty()) out_.append(static_cast<std::size_t>(level), ' ');
  }
  // A member name known to need no escaping.
  void key(std::string_view k, bool& first, int level) {
    item(first, level);
    first = false;
    out_ += '"';
    out_ += k;
    out_ += pretty() ? "\": " : "\":";
  }

  // nlohmann's dump_escaped with ensure_ascii off: quotes, backslashes and control characters
  // escaped, everything else copied; invalid UTF-8 is refused.
  bool string(std::string_view s) {
    out_.need(s.size() * 6 + 2);  // every byte escaped as \u00XX, and the quotes
    out_.put('"');
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    const auto* run = p;
    while (p < end) {
      const unsigned c = *p;
      if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
        ++p;
        continue;
      }
      if (c >= 0x80) {
        const std::size_t n = utf8_sequence(p, end);
        if (n == 0) return false;
        p += n;
        continue;
      }
      out_.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
      out_.put('\\');
      switch (c) {
        case '"': out_.put('"'); break;
        case '\\': out_.put('\\'); break;
        case '\b': out_.put('b'); break;
        case '\t': out_.put('t'); break;
        case '\n': out_.put('n'); break;
        case '\f': out_.put('f'); break;
        case '\r': out_.put('r'); break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_.put('u');
          out_.put('0');
          out_.put('0');
          out_.put(kHex[c >> 4]);
          out_.put(kHex[c & 15]);
        }
      }
      run = ++p;
    }
    out_.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
    out_.put('"');
    return true;
  }

  void integer(std::int64_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, r.ptr);
  }

  // nlohmann's format for a double: whole numbers below 10^15 as "123.0", the rest by nlohmann itself.
  void number(double x) {
    if (x == std::floor(x) && std::fabs(x) < 1e15 && !(x == 0 && std::signbit(x))) {
      integer(static_cast<std::int64_t>(x));
      out_ += ".0";
    } else {
      out_ += json(x).dump();
    }
  }

  void digits(unsigned v, int n) {
    char buf[4];
    for (int i = n - 1; i >= 0; --i, v /= 10) buf[i] = static_cast<char>('0' + v % 10);
    out_.append(buf, static_cast<std::size_t>(n));
  }

  // format_date / format_timestamp, quoted, without snprintf for the years they always print as 4 digits.
  void date(Date day) {
    int y;
    unsigned m, d;
    civil_from_days(day.days, y, m, d);
    if (y < 0 || y > 9999) {
      string(format_date(day));
      return;
    }
    out_ += '"';
    digits(static_cast<unsigned>(y), 4);
    out_ += '-';
    digits(m, 2);
    out_ += '-';
    digits(d, 2);
    out_ += '"';
  }
  void timestamp(Timestamp t) {
    const Date day = date_of(t);
    const std::int64_t in_day = t - static_cast<std::int64_t>(day.days) * 86'400'000;
    int y;
    unsigned m, d;
    civil_from_days(day.days, y, m, d);
    if (y < 0 || y > 9999 || in_day < 0 || in_day >= 86'400'000) {
      string(format_timestamp(t));
      return;
    }
    const auto ms = static_cast<unsigned>(in_day % 1000), secs = static_cast<unsigned>(in_day / 1000);
    out_ += '"';
    digits(static_cast<unsigned>(y), 4);
    out_ += '-';
    digits(m, 2);
    out_ += '-';
    digits(d, 2);
    out_ += 'T';
    digits(secs / 3600, 2);
    out_ += ':';
    digits(secs / 60 % 60, 2);
    out_ += ':';
    digits(secs % 60, 2);
    if (ms != 0) {
      out_ += '.';
      digits(ms, 3);
    }
    out_ += "Z\"";
  }

  bool money(const Money& m, int level) {
    const int inner = level + step();
    bool first = true;
    open('{');
    key("amount", first, inner);
    integer(m.amount);
    key("currency", first, inner);
    if (!string(m.currency)) return false;
    close('}', level);
    return true;
  }

  bool field_value(const FieldValue& v, int level) {
    if (const auto* s = std::get_if<std::string>(&v)) return string(*s);
    if (const auto* m = std::get_if<Money>(&v)) return money(*m, level);
    if (const auto* d = std::get_if<Date>(&v)) {
      date(*d);
      return true;
    }
    number(std::get<double>(v));
    return true;
  }

  bool custom(const std::map<Id, FieldValue>& values, int level) {
    const int inner = level + step();
    bool first = true, ok = true;
    open('{');
    for (const auto& [id, v] : values) {
      item(first, inner);
      first = false;
      ok = string(id) && ok;
      out_ += pretty() ? ": " : ":";
      ok = field_value(v, inner) && ok;
    }
    close('}', level);
    return ok;
  }

  bool history(const std::vector<StageVisit>& visits, int level) {
    if (visits.empty()) {
      out_ += "[]";
      return true;
    }
    const int in_history = level + step(), in_visit = in_history + step();
    bool ok = true;
    open('[');
    for (std::size_t i = 0; i < visits.size(); ++i) {
      const StageVisit& h = visits[i];
      item(i == 0, in_history);
      bool first_member = true;
      open('{');
      key("at", first_member, in_visit);
      timestamp(h.at);
      key("pipeline", first_member, in_visit);
      ok = string(h.pipeline) && ok;
      key("stage", first_member, in_visit);
      ok = string(h.stage) && ok;
      close('}', in_history);
    }
    close(']', level);
    return ok;
  }

  // Members in std::map (sorted) order, as the DOM dumps them; optional ones as to_json(Deal) leaves them out.
  bool deal(const Deal& d, int level) {
    const int inner = level + step();
    bool first = true, ok = true;
    open('{');
    for_each_by_key([&](auto row) {
      using Row = decltype(row);
      const auto& v = Row::of(d);
      if constexpr (holds_string(Row::type)) {
        if (left_out_when_empty(Row::info) && v.empty()) return;
        key(Row::key, first, inner);
        ok = string(v) && ok;
      } else if constexpr (Row::type == DealType::Status) {
        key(Row::key, first, inner);
        ok = string(to_string(v)) && ok;
      } else if constexpr (Row::type == DealType::Money) {
        key(Row::key, first, inner);
        ok = money(v, inner) && ok;
      } else if constexpr (Row::type == DealType::Day) {
        if (!v) return;
        key(Row::key, first, inner);
        date(*v);
      } else if constexpr (Row::type == DealType::Time) {
        key(Row::key, first, inner);
        timestamp(v);
      } else if constexpr (Row::type == DealType::Custom) {
        if (v.empty()) return;
        key(Row::key, first, inner);
        ok = custom(v, inner) && ok;
      } else {
        static_assert(Row::type == DealType::History);
        key(Row::key, first, inner);
        ok = history(v, inner) && ok;
      }
    });
    close('}', level);
    return ok;
  }

  Buffer out_;
  int indent_;
};

// [SECTION] Reader

// A strict JSON cursor over the document text. Every function returns false on anything it does
// not accept; the caller then abandons the fast path.
// Characters a string copies as they are: not a quote, backslash, control or non-ASCII byte.
constexpr auto kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

class Cursor {
 public:
  Cursor(const char* begin, const char* end) : begin_(begin), p_(begin), end_(end) {}

  std::size_t pos() const { return static_cast<std::size_t>(p_ - begin_); }
  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool eat(char c) {
    ws();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool at_end() {
    ws();
    return p_ == end_;
  }

  // A string, decoded into out (replacing its content).
  bool string(std::string& out) {
    ws();
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    out.clear();
    const char* run = p_;
    for (;;) {
      while (p_ < end_ && kPlain[static_cast<unsigned char>(*p_)]) ++p_;
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out.append(run, static_cast<std::size_t>(p_ - run));
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        const std::size_t n = utf8_sequence(reinterpret_cast<const unsigned char*>(p_),
                                            reinterpret_cast<const unsigned char*>(end_));
        if (n == 0) return false;
        p_ += n;
        continue;
      }
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (!escape(out)) return false;
      run = p_;
    }
  }

  // A member name, as string() reads it: a view of the text when it has no escapes (nor
  // non-ASCII bytes), else decoded into scratch.
  bool key(std::string_view& out, std::string& scratch) {
    ws();
    if (p_ == end_ || *p_ != '"') return false;
    const char* q = p_ + 1;
    while (q < end_ && kPlain[static_cast<unsigned char>(*q)]) ++q;
    if (q < end_ && *q == '"') {
      out = std::string_view(p_ + 1, static_cast<std::size_t>(q - p_ - 1));
      p_ = q + 1;
      return true;
    }
    if (!string(scratch)) return false;
    out = scratch;
    return true;
  }

  // An integer with no fraction or exponent, as nlohmann stores in number_integer/unsigned,
  // within +-10^12 (larger ones are out of range for money anyway).
  bool integer(std::int64_t& out) {
    ws();
    const bool negative = p_ < end_ && *p_ == '-';
    if (negative) ++p_;
    const char* start = p_;
    std::int64_t n = 0;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9' && p_ - start < 14) n = n * 10 + (*p_++ - '0');
    const auto len = p_ - start;
    if (len == 0 || len > 13 || (len > 1 && *start == '0')) return false;
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E' || (*p_ >= '0' && *p_ <= '9'))) return false;
    out = negative ? -n : n;
    return true;
  }

  // Any JSON number, as a double (nlohmann's value for it, converted by get<double>()).
  bool number(double& out) {
    ws();
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    auto digit_run = [&] {
      const char* s = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      return p_ - s;
    };
    if (p_ < end_ && *p_ == '0') ++p_;
    else if (digit_run() == 0) return false;
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (digit_run() == 0) return false;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (digit_run() == 0) return false;
    }
    if (p_ < end_ && *p_ >= '0' && *p_ <= '9') return false;  // "01"
    const std::string token(start, p_);
    char* parsed_end = nullptr;
    out = std::strtod(token.c_str(), &parsed_end);
    if (out == 0 && token.find_first_of(".eE") == std::string::npos) out = 0;  // nlohmann: "-0" is the integer 0, +0.0
    return parsed_end == token.c_str() + token.size();
  }

  // Skips one value of any kind, lexing strings exactly; brackets are only counted (the text
  // skipped is checked by the DOM parser afterwards).
  bool skip_value() {
    ws();
    if (p_ == end_) return false;
    if (*p_ == '"') return skip_string();
    if (*p_ != '[' && *p_ != '{') {
      const char* start = p_;
      while (p_ < end_ && ((*p_ >= '0' && *p_ <= '9') || (*p_ >= 'a' && *p_ <= 'z') || (*p_ >= 'A' && *p_ <= 'Z') ||
                           *p_ == '-' || *p_ == '+' || *p_ == '.'))
        ++p_;
      return p_ > start;
    }
    std::size_t depth = 0;
    while (p_ < end_) {
      const char c = *p_;
      if (c == '"') {
        if (!skip_string()) return false;
        continue;
      }
      ++p_;
      if (c == '[' || c == '{') ++depth;
      else if ((c == ']' || c == '}') && --depth == 0) return true;
    }
    return false;
  }

 private:
  bool skip_string() {
    ++p_;  // the opening quote
    while (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c == '\\') {
        if (end_ - p_ < 2) return false;
        p_ += 2;
      } else {
        if (c < 0x20) return false;
        ++p_;
      }
    }
    return false;
  }

  bool hex4(unsigned& out) {
    if (end_ - p_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      unsigned v;
      if (c >= '0' && c <= '9') v = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') v = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v = static_cast<unsigned>(c - 'A' + 10);
      else return false;
      out = out << 4 | v;
    }
    return true;
  }

  // After a backslash: appends the escaped character (as UTF-8).
  bool escape(std::string& out) {
    ++p_;
    if (p_ == end_) return false;
    const char c = *p_++;
    switch (c) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return false;
    }
    unsigned cp;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      unsigned low;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | cp >> 6);
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | cp >> 12);
      out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | cp >> 18);
      out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
      out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return true;
  }

  const char* begin_;
  const char* p_;
  const char* end_;
};

// Members of an object: calls member(key) with the cursor before each value. The key views the
// text, or `scratch` when it has escapes.
template <class F>
bool members(Cursor& c, std::string& scratch, F&& member) {
  if (!c.eat('{')) return false;
  if (c.eat('}')) return true;
  std::string_view key;
  do {
    if (!c.key(key, scratch) || !c.eat(':') || !member(key)) return false;
  } while (c.eat(','));
  return c.eat('}');
}

// The checks of read_deal (DealRead::Document) for documents that pass them all. A key's number
// is its place in key order (kFieldsByKey).
constexpr std::size_t kDealKeys = kDealFieldCount;
static_assert(kDealKeys <= 64, "the reader marks the keys seen in a 64-bit mask");
constexpr auto kDealKeyNames = [] {
  std::array<std::string_view, kDealKeys> names{};
  for (std::size_t i = 0; i < kDealKeys; ++i) names[i] = field_info(kFieldsByKey[i]).key;
  return names;
}();
constexpr std::uint64_t key_bit(DealField f) {
  for (std::size_t i = 0; i < kDealKeys; ++i)
    if (kFieldsByKey[i] == f) return std::uint64_t{1} << i;
  return 0;
}
// The keys read_deal requires of a document.
constexpr std::uint64_t kRequired = key_bit(DealField::id) | key_bit(DealField::pipeline) | key_bit(DealField::stage) |
                                    key_bit(DealField::created) | key_bit(DealField::updated) |
                                    key_bit(DealField::title) | key_bit(DealField::value);

class DealReader {
 public:
  explicit DealReader(Cursor& c) : c_(c) {}

  // A string value no longer than max (bytes), as value_string accepts it.
  bool text(std::string& out, std::size_t max) { return c_.string(out) && out.size() <= max; }

  bool timestamp(Timestamp& out) {
    if (!text(scratch_, 64)) return false;
    auto t = parse_timestamp(scratch_);
    if (!t) return false;
    out = *t;
    return true;
  }

  bool date(Date& out) {
    if (!text(scratch_, 64)) return false;
    auto d = parse_date(scratch_);
    if (!d) return false;
    out = *d;
    return true;
  }

  bool money(Money& out) {
    bool amount = false, currency = false;
    const bool ok = members(c_, key_, [&](std::string_view k) {
      if (k == "amount" && !amount) {
        amount = true;
        return c_.integer(out.amount) && out.amount >= -kMaxMoneyMinor && out.amount <= kMaxMoneyMinor;
      }
      if (k == "currency" && !currency) {
        currency = true;
        return text(out.currency, 8) && is_currency(out.currency);
      }
      return false;
    });
    return ok && amount && currency;
  }

  bool history(std::vector<StageVisit>& out) {
    visits_.clear();
    if (!c_.eat('[')) return false;
    if (c_.eat(']')) return true;
    do {
      StageVisit v;
      bool pipeline = false, stage = false, at = false;
      const bool ok = members(c_, key_, [&](std::string_view k) {
        if (k == "pipeline" && !pipeline) return pipeline = true, text(v.pipeline, 64);
        if (k == "stage" && !stage) return stage = true, text(v.stage, 64);
        if (k == "at" && !at) return at = true, timestamp(v.at);
        return false;
      });
      if (!ok || !pipeline || !stage || !at) return false;
      visits_.push_back(std::move(v));
    } while (c_.eat(','));
    if (!c_.eat(']')) return false;
    // Gathered in a vector kept between deals, then moved in with one allocation of the right size.
    out.assign(std::make_move_iterator(visits_.begin()), std::make_move_iterator(visits_.end()));
    return true;
  }

  // One deal; its "custom" object is only located (custom_begin/end), to be read once the
  // workspace's fields are known.
  // Not inlined: in the browser a function runs as baseline code until its optimized version is
  // ready, and only new calls switch to that. Called per deal, the reading speeds up a few hundred
  // deals in; inlined into one long call, all 100,000 deals would be read by the baseline code.
  [[gnu::noinline]] bool deal(Deal& d, std::size_t& custom_begin, std::size_t& custom_end) {
    std::uint64_t seen = 0;
    int last = -1;
    const bool ok = members(c_, key_, [&](std::string_view k) {
      // Documents written by save_workspace list the keys in this order: try the next one first.
      int id = last + 1 < static_cast<int>(kDealKeys) && kDealKeyNames[last + 1] == k ? last + 1 : -1;
      for (int i = 0; i < static_cast<int>(kDealKeys) && id < 0; ++i)
        if (kDealKeyNames[i] == k) id = i;
      if (id < 0 || (seen & (std::uint64_t{1} << id))) return false;
      last = id;
      seen |= std::uint64_t{1} << id;
      return visit_deal_field(kFieldsByKey[id], [&](auto row) { return field(row, d, custom_begin, custom_end); });
    });
    return ok && (seen & kRequired) == kRequired;
  }

  // One member's value, by its row's type.
  template <class Row>
  bool field(Row, Deal& d, std::size_t& custom_begin, std::size_t& custom_end) {
    auto& v = Row::of(d);
    if constexpr (Row::field == DealField::id) {
      return text(v, Row::limit) && !v.empty();
    } else if constexpr (Row::type == DealType::Title) {
      return text(v, Row::limit) && v.find_first_not_of(" \t\r\n") != std::string::npos;
    } else if constexpr (holds_string(Row::type)) {
      return text(v, Row::limit);
    } else if constexpr (Row::type == DealType::Status) {
      return text(scratch_, Row::limit) && parse_enum(scratch_, v);
    } else if constexpr (Row::type == DealType::Money) {
      return money(v);
    } else if constexpr (Row::type == DealType::Day) {
      Date day;
      if (!date(day)) return false;
      v = day;
      return true;
    } else if constexpr (Row::type == DealType::Time) {
      return timestamp(v);
    } else if constexpr (Row::type == DealType::Custom) {
      c_.ws();
      custom_begin = c_.pos();
      if (!c_.skip_value()) return false;
      custom_end = c_.pos();
      return true;
    } else {
      static_assert(Row::type == DealType::History);
      return history(v);
    }
  }

  // The custom values of one deal, checked against the workspace's fields as read_field_value does.
  bool custom(const Table<FieldDef>& fields, std::map<Id, FieldValue>& out) {
    std::string id;
    return members(c_, id, [&](std::string_view k) {
      const FieldDef* def = fields.find(k);
      if (!def) return false;
      FieldValue v;
      switch (def->type) {
        case FieldType::Text:
          if (!text(scratch_, kMaxText)) return false;
          v = scratch_;
          break;
        case FieldType::Choice:
          if (!text(scratch_, kMaxName) || std::find(def->options.begin(), def->options.end(), scratch_) == def->options.end())
            return false;
          v = scratch_;
          break;
        case FieldType::Number: {
          double n;
          if (!c_.number(n) || !std::isfinite(n)) return false;
          v = n;
          break;
        }
        case FieldType::Money: {
          Money m;
          if (!money(m)) return false;
          v = std::move(m);
          break;
        }
        case FieldType::Date: {
          Date day;
          if (!date(day)) return false;
          v = day;
          break;
        }
        default: return false;
      }
      return out.try_emplace(std::string(k), std::move(v)).second;  // a repeated id: the DOM keeps the last
    });
  }

 private:
  Cursor& c_;
  std::string key_, scratch_;
  std::vector<StageVisit> visits_;
};

}  // namespace

bool write_deals_json(const Table<Deal>& deals, int indent, int level, std::string& out) {
  return Writer(out, indent).deals(deals, level);
}

namespace {
// nlohmann reads numbers with the C library, honouring the locale's decimal point; so does strtod here.
bool locale_reads_json_numbers() {
  const std::lconv* lc = std::localeconv();
  return !lc || !lc->decimal_point || std::string_view(lc->decimal_point) == ".";
}
}  // namespace

struct FastDealRows::State {
  Cursor cursor{nullptr, nullptr};
  DealReader reader{cursor};  // reads whatever `cursor` is set to; keeps its scratch strings between rows
  bool usable = locale_reads_json_numbers();
};

FastDealRows::FastDealRows() : state_(std::make_unique<State>()) {}
FastDealRows::~FastDealRows() = default;

bool FastDealRows::read(std::string_view text, const Table<FieldDef>& fields, Deal& out) {
  if (!state_->usable) return false;
  const char* begin = text.data();
  const char* end = begin + text.size();
  std::size_t custom_begin = 0, custom_end = 0;
  state_->cursor = Cursor(begin, end);
  if (!state_->reader.deal(out, custom_begin, custom_end) || !state_->cursor.at_end()) return false;
  if (custom_end == 0) return true;
  state_->cursor = Cursor(begin + custom_begin, begin + custom_end);
  return state_->reader.custom(fields, out.custom) && state_->cursor.at_end();
}

bool scan_document_deals(std::string_view text, std::size_t max_deals, ScannedDeals& out) {
  if (!locale_reads_json_numbers()) return false;
  // The top-level object: locate "deals" (exactly once) and read its array straight away.
  Cursor c(text.data(), text.data() + text.size());
  std::string key;
  bool found = false;
  if (!c.eat('{') || c.eat('}')) return false;
  do {
    if (!c.string(key) || !c.eat(':')) return false;
    if (key != "deals") {
      if (!c.skip_value()) return false;
      continue;
    }
    if (found) return false;
    found = true;
    c.ws();
    out.begin = c.pos();
    if (!c.eat('[')) return false;
    if (!c.eat(']')) {
      out.deals.reserve(text.size() / 512);
      DealReader reader(c);
      do {
        if (out.deals.size() >= max_deals) return false;
        ScannedDeal sd{std::make_shared<Deal>()};
        if (!reader.deal(*sd.deal, sd.custom_begin, sd.custom_end)) return false;
        out.deals.push_back(std::move(sd));
      } while (c.eat(','));
      if (!c.eat(']')) return false;
    }
    out.end = c.pos();
  } while (c.eat(','));
  return found && c.eat('}');  // what follows is the DOM parser's to judge
}

bool read_scanned_custom(std::string_view text, const Table<FieldDef>& fields, ScannedDeal& d) {
  if (d.custom_end == 0) return true;
  Cursor cc(text.data() + d.custom_begin, text.data() + d.custom_end);
  return DealReader(cc).custom(fields, d.deal->custom) && cc.at_end();
}

}  // namespace pb::detail
