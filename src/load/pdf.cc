// The load stage: checks that the bytes are a PDF we can open, then reads one page at a time
// through poppler-cpp's text_list, which gives words with their box and font in poppler's
// own reading-order flow. poppler's error messages are captured per thread, so they become
// warnings (or the reason for a fatal error) instead of stray lines on stderr.
#include "kreport/load.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <mutex>

#include "kreport/error.h"

namespace kreport {
namespace {

// The PDF spec lets a header start within the first 1024 bytes; Acrobat looks for %%EOF
// within the last 1024. Beyond either, poppler still reads the file: a warning, not a
// rejection.
constexpr size_t kHeaderWindow = 1024;
constexpr size_t kTrailerWindow = 1024;
constexpr size_t kMaxCapturedMessages = 20;

thread_local std::vector<std::string>* poppler_messages = nullptr;

void capture_poppler_message(const std::string& msg, void*) {
  if (!poppler_messages) return;
  // Keep the first messages and the latest one: the last often says what finally failed.
  if (poppler_messages->size() < kMaxCapturedMessages)
    poppler_messages->push_back(msg);
  else
    poppler_messages->back() = msg;
}

// Routes poppler's messages into `sink` for the lifetime of this object (this thread only).
class MessageCapture {
 public:
  explicit MessageCapture(std::vector<std::string>& sink) : previous_(poppler_messages) {
    static std::once_flag once;
    std::call_once(once,
                   [] { poppler::set_debug_error_function(capture_poppler_message, nullptr); });
    poppler_messages = &sink;
  }
  ~MessageCapture() { poppler_messages = previous_; }

 private:
  std::vector<std::string>* previous_;
};

std::string utf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}

std::optional<std::string> info_string(const poppler::document& doc, const char* key) {
  std::string v = utf8(doc.info_key(key));
  if (v.empty()) return std::nullopt;
  return v;
}

std::string strip_subset_prefix(std::string font) {
  // "ABCDEE+NanumGothic": six capitals and a plus mark a subset, not part of the name.
  if (font.size() > 7 && font[6] == '+' &&
      std::all_of(font.begin(), font.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
    font.erase(0, 7);
  return font;
}

int degrees(poppler::page::orientation_enum o) {
  switch (o) {
    case poppler::page::landscape:
      return 90;
    case poppler::page::upside_down:
      return 180;
    case poppler::page::seascape:
      return 270;
    default:
      return 0;
  }
}

// Turns the page so that its dominant text direction reads left to right: poppler gives boxes
// in display space, where a page with /Rotate 90 (or landscape content drawn sideways) has
// its lines running top to bottom. `quarter_turns` is poppler's text rotation, clockwise.
Bbox upright(const Bbox& b, int quarter_turns, double width, double height) {
  switch (quarter_turns) {
    case 1:  // text runs downward: (x, y) -> (y, W - x)
      return {b.y0, width - b.x1, b.y1, width - b.x0};
    case 2:  // upside down
      return {width - b.x1, height - b.y1, width - b.x0, height - b.y0};
    case 3:  // text runs upward: (x, y) -> (H - y, x)
      return {height - b.y1, b.x0, height - b.y0, b.x1};
    default:
      return b;
  }
}

int dominant_rotation(const std::vector<poppler::text_box>& boxes) {
  size_t chars[4] = {0, 0, 0, 0};
  for (const poppler::text_box& b : boxes) chars[b.rotation() & 3] += b.text().size();
  return static_cast<int>(std::max_element(chars, chars + 4) - chars);
}

// What poppler needs to find before it is handed the bytes: a %PDF- header somewhere (a
// late one is read: poppler looks further than the spec's 1024 bytes) and a %%EOF (a file
// without one was cut short). What is odd but readable is returned as notes for warnings.
std::vector<std::string> check_envelope(std::string_view bytes) {
  if (bytes.empty()) throw Error(Errc::empty, "empty file (0 bytes)");
  size_t header = bytes.find("%PDF-");
  if (header == std::string_view::npos) throw Error(Errc::not_pdf, "not a PDF (no %PDF- header)");
  size_t eof = bytes.rfind("%%EOF");
  if (eof == std::string_view::npos)
    throw Error(Errc::damaged, "truncated PDF (no %%EOF at the end of the file)");
  std::vector<std::string> notes;
  if (header >= kHeaderWindow)
    notes.push_back("the %PDF- header is at byte " + std::to_string(header) + ", after the first " +
                    std::to_string(kHeaderWindow) + " bytes");
  size_t after = bytes.size() - (eof + 5);
  if (after > kTrailerWindow)
    notes.push_back(std::to_string(after) + " bytes after the last %%EOF were ignored");
  return notes;
}

}  // namespace

const char* origin_name(Origin origin) {
  switch (origin) {
    case Origin::actual_text:
      return "actual_text";
    case Origin::ocr:
      return "ocr";
    case Origin::text:
      break;
  }
  return "text";
}

struct PdfDocument::Impl {
  std::unique_ptr<poppler::document> doc;
  std::vector<std::string> notes;
};

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

PdfDocument PdfDocument::open(std::string_view bytes, const std::string& password) {
  std::vector<std::string> notes = check_envelope(bytes);
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max()))
    throw Error(Errc::io, "file too large for poppler (over 2 GiB)");
  std::vector<std::string> messages;
  MessageCapture capture(messages);
  auto impl = std::make_unique<Impl>();
  impl->doc.reset(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size()), password, password));
  if (!impl->doc) {
    std::string why = messages.empty() ? "" : " (" + messages.back() + ")";
    throw Error(Errc::damaged, "damaged PDF: cannot be parsed" + why);
  }
  if (impl->doc->is_locked()) {
    if (password.empty())
      throw Error(Errc::encrypted, "encrypted PDF: a password is needed (use --password)");
    throw Error(Errc::bad_password, "encrypted PDF: the password given does not open it");
  }
  if (impl->doc->pages() <= 0) {
    // poppler says why, e.g. "Page count (2147483647) larger than number of objects (6)".
    std::string why = messages.empty() ? "" : " (" + messages.back() + ")";
    throw Error(Errc::no_pages, "PDF has no pages" + why);
  }
  impl->notes = std::move(notes);
  return PdfDocument(std::move(impl));
}

const std::vector<std::string>& PdfDocument::notes() const {
  return impl_->notes;
}

int PdfDocument::page_count() const {
  return impl_->doc->pages();
}

PdfInfo PdfDocument::info() const {
  const poppler::document& doc = *impl_->doc;
  PdfInfo info;
  int major = 0, minor = 0;
  doc.get_pdf_version(&major, &minor);
  info.version = std::to_string(major) + "." + std::to_string(minor);
  info.producer = info_string(doc, "Producer");
  info.creator = info_string(doc, "Creator");
  info.title = info_string(doc, "Title");
  time_t created = doc.get_creation_date_t();
  if (created > 0) {
    std::tm tm{};
    gmtime_r(&created, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    info.created = buf;
  }
  return info;
}

RawPage PdfDocument::page(int number) const {
  std::vector<std::string> messages;
  MessageCapture capture(messages);
  RawPage out;
  out.number = number;
  std::unique_ptr<poppler::page> p(impl_->doc->create_page(number - 1));
  if (!p) {
    out.problems.push_back("page cannot be read");
    return out;
  }
  out.rotation = degrees(p->orientation());
  poppler::rectf box = p->page_rect();
  bool sideways = out.rotation == 90 || out.rotation == 270;
  out.width = sideways ? box.height() : box.width();
  out.height = sideways ? box.width() : box.height();
  std::vector<poppler::text_box> boxes = p->text_list(poppler::page::text_list_include_font);
  int turns = dominant_rotation(boxes);
  double display_w = out.width, display_h = out.height;
  if (turns % 2 == 1) std::swap(out.width, out.height);
  out.words.reserve(boxes.size());
  for (const poppler::text_box& b : boxes) {
    Word w;
    w.text = utf8(b.text());
    if (w.text.empty()) continue;
    poppler::rectf r = b.bbox();
    w.bbox =
        upright({r.x(), r.y(), r.x() + r.width(), r.y() + r.height()}, turns, display_w, display_h);
    w.font = strip_subset_prefix(b.get_font_name());
    w.size = b.get_font_size();
    w.space_after = b.has_space_after();
    out.words.push_back(std::move(w));
  }
  out.problems = std::move(messages);
  return out;
}

}  // namespace kreport
