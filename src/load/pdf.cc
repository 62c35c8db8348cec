// The load stage: checks that the bytes are a PDF we can open, then reads one page at a time
// through poppler's text flow (poppler_core.cc), which gives words with their box and font in
// poppler's own reading order, and turns each page so that its text reads left to right.
// Text drawn as images joins the flow from /ActualText (image_text.cc); what is only pixels
// is read by OCR where the caller asks (ocr.cc).
#include "kreport/load.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <future>
#include <limits>
#include <mutex>
#include <system_error>

#include "glyph_lines.h"
#include "image_text.h"
#include "kreport/error.h"
#include "ocr.h"
#include "ocr_bench.h"
#include "poppler_core.h"

namespace kreport {
namespace {

// The PDF spec lets a header start within the first 1024 bytes; Acrobat looks for %%EOF
// within the last 1024. Beyond either, poppler still reads the file: a warning, not a
// rejection.
constexpr size_t kHeaderWindow = 1024;
constexpr size_t kTrailerWindow = 1024;
// OCR reads pages rendered at 300 dpi (a 110-ppi scan read at its own resolution loses its
// decimal points: 4 of 17 numbers right, 16 of 17 at 300 dpi), in at most this many pixels.
constexpr int kOcrDpi = 300;
constexpr double kMaxOcrPixels = 60e6;

std::string strip_subset_prefix(std::string font) {
  // "ABCDEE+NanumGothic": six capitals and a plus mark a subset, not part of the name.
  if (font.size() > 7 && font[6] == '+' &&
      std::all_of(font.begin(), font.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
    font.erase(0, 7);
  return font;
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

// UTF-16 code units, the measure poppler-cpp's text boxes were weighed by.
size_t utf16_units(const std::string& s) {
  size_t units = 0;
  for (unsigned char c : s) units += (c & 0xC0) != 0x80 ? (c >= 0xF0 ? 2 : 1) : 0;
  return units;
}

int dominant_rotation(const std::vector<core::FlowWord>& words) {
  size_t chars[4] = {0, 0, 0, 0};
  for (const core::FlowWord& w : words) chars[w.rotation & 3] += utf16_units(w.text);
  return static_cast<int>(std::max_element(chars, chars + 4) - chars);
}

// The share of `area` that `boxes` cover, counting overlaps once (run images overlap).
double covered_share(std::vector<Bbox> boxes, double area) {
  if (boxes.empty() || area <= 0) return 0;
  std::sort(boxes.begin(), boxes.end(), [](const Bbox& a, const Bbox& b) { return a.y0 < b.y0; });
  // Sweep horizontal bands between box edges; in each, add up the x-extent covered.
  std::vector<double> ys;
  for (const Bbox& b : boxes) ys.insert(ys.end(), {b.y0, b.y1});
  std::sort(ys.begin(), ys.end());
  double covered = 0;
  for (size_t k = 0; k + 1 < ys.size(); ++k) {
    double y0 = ys[k], y1 = ys[k + 1];
    if (y1 <= y0) continue;
    std::vector<std::pair<double, double>> xs;
    for (const Bbox& b : boxes)
      if (b.y0 < y1 && b.y1 > y0) xs.push_back({b.x0, b.x1});
    std::sort(xs.begin(), xs.end());
    double end = -1e300, width = 0;
    for (auto [x0, x1] : xs) {
      if (x0 > end)
        width += x1 - x0, end = x1;
      else if (x1 > end)
        width += x1 - end, end = x1;
    }
    covered += width * (y1 - y0);
  }
  return std::min(1.0, covered / area);
}

// Adds the text the page draws as images: from /ActualText where the structure tree has it,
// else as unread boxes (for OCR, or a warning). Returns the stencils whose pixels were kept.
std::vector<load::PlacedMask> add_image_text(const core::Document& doc, int number,
                                             const std::function<Bbox(const Bbox&)>& to_page,
                                             core::PageText& text, RawPage& out) {
  std::vector<int> mcids = load::image_text_mcids(text);
  if (mcids.empty()) return {};
  for (core::MarkedImage& im : text.images) {
    im.bbox = to_page(im.bbox);
    im.ink = to_page(im.ink);
  }
  load::ImageText images =
      load::read_image_text(text.images, text.glyph_mcids, doc.tree_blocks(number, mcids));
  load::merge_into_flow(out.words, images.words);
  out.actual_text_runs = images.runs;
  out.unread_image_text = std::move(images.unread);
  out.unread_image_share = covered_share(out.unread_image_text, out.width * out.height);
  std::vector<load::PlacedMask> masks;
  for (const core::MarkedImage& im : text.images)
    if (im.mask) masks.push_back({im.bbox, im.mask});
  return masks;
}

// The OCR engines are one pair for the whole process (loading one costs ~0.2 s of CPU and
// ~65 MB), so pages read at once by several documents take turns at them.
std::mutex& ocr_turn() {
  static std::mutex turn;
  return turn;
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// The benchmark (ocr_bench.h): the words read from /ActualText leave the page, their boxes
// become runs to read by OCR; returned, to score the OCR against.
std::vector<Word> take_actual_text(RawPage& out) {
  std::vector<Word> taken;
  auto actual = [](const Word& w) { return w.origin == Origin::actual_text; };
  for (const Word& w : out.words)
    if (actual(w)) {
      taken.push_back(w);
      out.unread_image_text.push_back(w.bbox);
    }
  out.words.erase(std::remove_if(out.words.begin(), out.words.end(), actual), out.words.end());
  return taken;
}

// Reads by OCR what the page has no text for: the whole page when it has no words (or when
// forced), else the image runs no /ActualText stands for. `truth`: the benchmark's exact text.
// Image runs are read from their own stencils (`masks`, glyph_lines.h) when those hold them
// all, else from the page rendered.
void read_by_ocr(const core::Document& doc, int number, OcrMode mode, int threads,
                 const std::function<Bbox(const Bbox&)>& to_page, bool turned, RawPage& out,
                 const std::vector<load::PlacedMask>& masks, const std::vector<Word>& truth) {
  // A page whose only text is image runs (Word's, no /ActualText) is read run by run too:
  // the page's layout analysis cuts its lines into fragments.
  bool from_masks = mode != OcrMode::force && !turned && !out.unread_image_text.empty() &&
                    load::masks_cover(out.unread_image_text, masks);
  bool whole = !from_masks && (mode == OcrMode::force || out.words.empty());
  // Run boxes are in the page's upright space, the render in its display space.
  if (!whole && (out.unread_image_text.empty() || turned)) return;
  std::string why;
  auto unavailable = [&] {
    if (mode == OcrMode::force) throw Error(Errc::usage, "--ocr force: " + why);
  };
  if (load::ocr_engine_missing()) {  // no need to render the page for it
    load::ocr_engine(&why);          // for the reason it is missing
    return unavailable();
  }
  std::lock_guard<std::mutex> turn(ocr_turn());
  // The first engine loads (~0.2 s, once a process) on another core while the page renders.
  auto load = [&why] { return load::ocr_engine(&why); };
  std::future<load::OcrEngine*> loading;
  try {
    loading = std::async(threads >= 2 ? std::launch::async : std::launch::deferred, load);
  } catch (const std::system_error&) {
    loading = std::async(std::launch::deferred, load);  // no thread to be had: in turn
  }
  double square_inches = out.width / 72 * out.height / 72;
  int dpi = std::min(kOcrDpi, static_cast<int>(std::sqrt(kMaxOcrPixels / square_inches)));
  double cpu_start = cpu_seconds();
  load::GrayImage image;
  load::LineStrip strip;
  if (from_masks) {
    strip = load::paint_lines(load::run_lines(out.unread_image_text), masks);
    image.width = static_cast<int>(std::ceil(out.width * dpi / 72));
    image.height = static_cast<int>(std::ceil(out.height * dpi / 72));
  } else {
    image = doc.render(number, dpi);
  }
  double cpu_render = cpu_seconds() - cpu_start;
  load::OcrEngine* engine = loading.get();
  if (!engine) return unavailable();
  cpu_start = cpu_seconds();  // the engine's start is not the page's cost
  std::vector<Bbox> where = out.unread_image_text;
  if (whole) {
    where.clear();
    for (const load::OcrRegion& r : engine->find_lines(image, dpi))
      where.push_back({r.x0 * 72.0 / dpi, r.y0 * 72.0 / dpi, r.x1 * 72.0 / dpi, r.y1 * 72.0 / dpi});
    out.ocr_messages = engine->take_messages();
  }
  std::function<load::OcrEngine*()> second;
  if (threads >= 2)
    second = [] {
      std::string ignored;  // without a second engine the first reads it all
      return load::second_engine(&ignored);
    };
  std::vector<load::OcrRegion> regions = load::line_regions(where, dpi, image.width, image.height);
  std::vector<load::OcrLine> lines =
      from_masks ? load::lines_on_page(load::read_lines(*engine, strip.image, kOcrDpi,
                                                        strip.regions, second, out.ocr_messages),
                                       strip, dpi)
                 : load::read_lines(*engine, image, dpi, regions, second, out.ocr_messages);
  if (!load::ocr_bench_file().empty() && !truth.empty())
    load::ocr_bench_write(number, dpi, regions, truth, lines,
                          cpu_render + cpu_seconds() - cpu_start);
  std::vector<Word> words = load::ocr_words(lines, dpi);
  for (Word& w : words) w.bbox = to_page(w.bbox);
  if (whole)
    out.words = std::move(words);
  else
    load::merge_into_flow(out.words, words);
  out.unread_image_text.clear();
  out.unread_image_share = 0;
  double chars = 0, weighted = 0;
  for (const load::OcrLine& l : lines) {
    chars += static_cast<double>(l.text.size());
    weighted += l.confidence * static_cast<double>(l.text.size());
  }
  out.ocr_lines = static_cast<int>(lines.size());
  out.ocr_confidence = chars > 0 ? weighted / chars : 0;
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
  std::unique_ptr<core::Document> doc;
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
  auto impl = std::make_unique<Impl>();
  impl->doc = core::Document::open(bytes, password);
  impl->notes = std::move(notes);
  return PdfDocument(std::move(impl));
}

void PdfDocument::prepare_process() {
  core::prepare_process();
}

const std::vector<std::string>& PdfDocument::notes() const {
  return impl_->notes;
}

int PdfDocument::page_count() const {
  return impl_->doc->page_count();
}

PdfInfo PdfDocument::info() const {
  return impl_->doc->info();
}

RawPage PdfDocument::page(int number, OcrMode ocr, int ocr_threads) const {
  RawPage out;
  out.number = number;
  core::PageText text = impl_->doc->page(number, ocr != OcrMode::off);
  if (!text.readable) {
    out.problems.push_back("page cannot be read");
    return out;
  }
  out.rotation = text.rotate;
  bool sideways = out.rotation == 90 || out.rotation == 270;
  out.width = sideways ? text.crop_height : text.crop_width;
  out.height = sideways ? text.crop_width : text.crop_height;
  int turns = dominant_rotation(text.words);
  double display_w = out.width, display_h = out.height;
  if (turns % 2 == 1) std::swap(out.width, out.height);
  out.words.reserve(text.words.size());
  for (core::FlowWord& f : text.words) {
    if (f.text.empty()) continue;
    Word w;
    w.text = std::move(f.text);
    w.bbox = upright(f.bbox, turns, display_w, display_h);
    w.font = strip_subset_prefix(std::move(f.font));
    w.size = f.size;
    w.space_after = f.space_after;
    w.space_drawn_after = f.space_drawn_after;
    out.words.push_back(std::move(w));
  }
  auto to_page = [&](const Bbox& b) { return upright(b, turns, display_w, display_h); };
  out.drawing = std::move(text.drawing);
  for (auto* shapes : {&out.drawing.rules, &out.drawing.images, &out.drawing.paths})
    for (Bbox& b : *shapes) b = to_page(b);
  for (DrawnBox& b : out.drawing.boxes) b.bbox = to_page(b.bbox);
  std::vector<load::PlacedMask> masks = add_image_text(*impl_->doc, number, to_page, text, out);
  std::vector<Word> truth;
  if (!load::ocr_bench_file().empty()) truth = take_actual_text(out);
  if (ocr != OcrMode::off)
    read_by_ocr(*impl_->doc, number, ocr, ocr_threads, to_page, turns != 0, out, masks, truth);
  out.problems = std::move(text.problems);
  return out;
}

RgbImage PdfDocument::render(int number, double dpi) const {
  RgbImage display = impl_->doc->render_rgb(number, dpi);
  // Turned as page() turns the words (upright's pixel form): the picture's axes are theirs.
  int turns = dominant_rotation(impl_->doc->page(number).words);
  if (turns == 0 || display.pixels.empty()) return display;
  RgbImage out;
  out.dpi = display.dpi;
  out.width = turns == 2 ? display.width : display.height;
  out.height = turns == 2 ? display.height : display.width;
  out.pixels.resize(display.pixels.size());
  int w = display.width, h = display.height;
  for (int v = 0; v < out.height; ++v)
    for (int u = 0; u < out.width; ++u) {
      int x = turns == 1 ? w - 1 - v : turns == 2 ? w - 1 - u : v;
      int y = turns == 1 ? u : turns == 2 ? h - 1 - v : h - 1 - u;
      std::copy_n(display.pixels.begin() + (static_cast<long>(y) * w + x) * 3, 3,
                  out.pixels.begin() + (static_cast<long>(v) * out.width + u) * 3);
    }
  return out;
}

std::string png_bytes(const RgbImage& image) {
  return core::png_of(image);
}

}  // namespace kreport
