// Error kinds, their exit codes and their one-line description: the single place where a
// failure becomes a number a script can test.
#include "kreport/error.h"

namespace kreport {

int exit_code(Errc code) {
  switch (code) {
    case Errc::usage:
      return kExitUsage;
    case Errc::io:
    case Errc::empty:
    case Errc::not_pdf:
    case Errc::damaged:
    case Errc::encrypted:
    case Errc::bad_password:
    case Errc::no_pages:
    case Errc::no_text:
    case Errc::too_large:
    case Errc::timeout:
    case Errc::memory:
    case Errc::resource:
    case Errc::invalid:
      return kExitInput;
    case Errc::output:
      return kExitOutput;
    case Errc::internal:
      return kExitInternal;
  }
  return kExitInternal;
}

const char* errc_name(Errc code) {
  switch (code) {
    case Errc::usage:
      return "usage";
    case Errc::io:
      return "io";
    case Errc::empty:
      return "empty";
    case Errc::not_pdf:
      return "not_pdf";
    case Errc::damaged:
      return "damaged";
    case Errc::encrypted:
      return "encrypted";
    case Errc::bad_password:
      return "bad_password";
    case Errc::no_pages:
      return "no_pages";
    case Errc::no_text:
      return "no_text";
    case Errc::too_large:
      return "too_large";
    case Errc::timeout:
      return "timeout";
    case Errc::memory:
      return "memory";
    case Errc::resource:
      return "resource";
    case Errc::output:
      return "output";
    case Errc::invalid:
      return "invalid";
    case Errc::internal:
      return "internal";
  }
  return "internal";
}

Error::Error(Errc code, std::string message, std::string file, int page)
    : std::runtime_error(message),
      code_(code),
      message_(std::move(message)),
      file_(std::move(file)),
      page_(page) {}

Error Error::in_file(const std::string& file) const {
  return Error(code_, message_, file, page_);
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7F) {
      out += c;
      continue;
    }
    static const char kHex[] = "0123456789abcdef";
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += std::string("\\x") + kHex[u >> 4] + kHex[u & 15];
    }
  }
  return out;
}

std::string describe(const Error& e) {
  std::string out = one_line(e.file());
  if (e.page() > 0)
    out += (out.empty() ? "page " : " (page ") + std::to_string(e.page()) +
           (e.file().empty() ? "" : ")");
  if (!out.empty()) out += ": ";
  return out + one_line(e.message());
}

}  // namespace kreport
