// Error kinds, their exit codes and their one-line description: the single place where a
// failure becomes a number a script can test.
#include "kreport/error.h"

#include <algorithm>

namespace kreport {

const std::vector<ErrcInfo>& error_kinds() {
  static const std::vector<ErrcInfo> kinds = {
      {Errc::usage, "usage", kExitUsage, "a bad option or argument"},
      {Errc::io, "io", kExitInput, "missing or unreadable"},
      {Errc::empty, "empty", kExitInput, "empty"},
      {Errc::not_pdf, "not_pdf", kExitInput, "not a PDF"},
      {Errc::damaged, "damaged", kExitInput, "truncated or damaged"},
      {Errc::encrypted, "encrypted", kExitInput, "encrypted"},
      {Errc::bad_password, "bad_password", kExitInput, "a wrong --password"},
      {Errc::no_pages, "no_pages", kExitInput, "no pages"},
      {Errc::no_text, "no_text", kExitInput, "no usable text on any page"},
      {Errc::too_large, "too_large", kExitInput,
       "over --max-size, a record over 32 MiB, a folder of over a million entries"},
      {Errc::timeout, "timeout", kExitInput, "no progress within --timeout"},
      {Errc::memory, "memory", kExitInput, "over --max-memory or ulimit -v"},
      {Errc::resource, "resource", kExitInput,
       "no room under the machine's limits (processes, file descriptors)"},
      {Errc::invalid, "invalid", kExitInput,
       "not a kreport record or archive, or an archive of a newer schema version"},
      {Errc::output, "output", kExitOutput, "also a closed stdout or a full disk"},
      {Errc::internal, "internal", kExitInternal,
       "a bug in kreport; please report it with the input file"},
  };
  return kinds;
}

namespace {

const ErrcInfo& info(Errc code) {
  for (const ErrcInfo& k : error_kinds())
    if (k.code == code) return k;
  return error_kinds().back();  // unreachable while every kind has its row (error_test.cc)
}

// `head` then the words of `text`, wrapped at 79 columns; lines after the first are indented
// as far as `head` is long.
std::string wrapped(const std::string& head, const std::string& text) {
  constexpr size_t kColumns = 79;
  std::string out = head;
  size_t width = head.size();
  for (size_t b = 0, e; b < text.size(); b = e + 1) {
    e = std::min(text.find(' ', b), text.size());
    std::string word = text.substr(b, e - b);
    if (width > head.size() && width + 1 + word.size() > kColumns) {
      out += "\n" + std::string(head.size(), ' ');
      width = head.size();
    } else if (width > head.size()) {
      out += ' ';
      ++width;
    }
    out += word;
    width += word.size();
  }
  return out + "\n";
}

}  // namespace

int exit_code(Errc code) {
  return info(code).exit;
}

const char* errc_name(Errc code) {
  return info(code).name;
}

std::string exit_codes_help() {
  // The codes and what each means as a whole; the kinds that map to a code follow it.
  struct Code {
    const char* number;
    int exit;
    const char* meaning;
  };
  static const Code codes[] = {
      {"0", kExitOk, "success"},
      {"1", kExitUsage, "usage error"},
      {"2", kExitInput, "input rejected"},
      {"3", kExitSomeFailed,
       "some inputs failed (batch: documents that did not convert; validate, index: invalid or "
       "unreadable records), the others were processed"},
      {"4", kExitOutput, "the output could not be written"},
      {"5", kExitInternal, "internal error"},
      {"129, 130, 143", -1,
       "batch stopped by SIGHUP, SIGINT, SIGTERM: workers killed, temporary files removed, "
       "summary written with the rest pending; a rerun does the rest"},
  };
  std::string out = "\nExit codes:\n";
  for (const Code& c : codes) {
    std::string text = c.meaning, kinds;
    for (const ErrcInfo& k : error_kinds())
      if (k.exit == c.exit) kinds += (kinds.empty() ? "" : ", ") + std::string(k.means);
    if (!kinds.empty()) text += ": " + kinds;
    out += wrapped("  " + std::string(c.number) + "  ", text);
  }
  return out +
         "Errors are one line on stderr: \"kreport: FILE: reason\".\n"
         "Data goes to stdout or -o.\n";
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

Error Error::on_page(int page) const {
  return Error(code_, message_, file_, page);
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
