// poppler's core API, and only here: PDFDoc over the caller's bytes, TextOutputDev for the
// words of a page (what `pdftotext -bbox-layout` runs), the info dictionary. It reads words
// exactly as poppler-cpp's `page::text_list(text_list_include_font)` did (same TextOutputDev
// settings, same word list, same boxes and flags), without its per-page font rescan and its
// two iconv round trips per word: the font name comes from the word's own TextFontInfo.
// poppler's error messages are captured per thread, formatted as poppler-cpp formatted them.
#include "poppler_core.h"

#include <Catalog.h>
#include <DateInfo.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>
#include <goo/PNGWriter.h>
#include <goo/gmem.h>
#include <splash/SplashBitmap.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>

#include "kreport/error.h"
#include "text_codec.h"

namespace kreport::core {
namespace {

using load::append_utf8;
using load::info_text;
using load::utf8_prefix;

constexpr size_t kMaxCapturedMessages = 20;

thread_local std::vector<std::string>* poppler_messages = nullptr;

void capture_poppler_message(ErrorCategory, Goffset pos, const char* msg) {
  if (!poppler_messages) return;
  std::ostringstream line;
  if (pos >= 0)
    line << "error (" << pos << "): " << msg;
  else
    line << "error: " << msg;
  // Keep the first messages and the latest one: the last often says what finally failed.
  if (poppler_messages->size() < kMaxCapturedMessages)
    poppler_messages->push_back(line.str());
  else
    poppler_messages->back() = line.str();
}

// Routes poppler's messages into `sink` for the lifetime of this object (this thread only).
class MessageCapture {
 public:
  explicit MessageCapture(std::vector<std::string>& sink) : previous_(poppler_messages) {
    poppler_messages = &sink;
  }
  ~MessageCapture() { poppler_messages = previous_; }

 private:
  std::vector<std::string>* previous_;
};

std::optional<std::string> info_entry(PDFDoc& doc, const char* key) {
  std::unique_ptr<GooString> value = doc.getDocInfoStringEntry(key);
  if (!value) return std::nullopt;
  std::string text = info_text(value->toStr());
  if (text.empty()) return std::nullopt;
  return text;
}

FlowWord flow_word(const TextWord& w) {
  FlowWord out;
  std::unique_ptr<GooString> text(w.getText());
  out.text = text->toStr().substr(0, utf8_prefix(text->toStr()));
  w.getBBox(&out.bbox.x0, &out.bbox.y0, &out.bbox.x1, &out.bbox.y1);
  out.rotation = w.getRotation();
  const GooString* font = w.getFontInfo(0)->getFontName();
  if (font) out.font = font->toStr();
  out.size = w.getFontSize();
  out.space_after = w.hasSpaceAfter();
  return out;
}

// A space glyph starts this close to a word's end (em): the advance of the word's last glyph
// may leave a little room, kerning may pull it in.
constexpr double kSpaceReachEm = 0.35;

// Which words a space glyph follows. Only upright words: the spaces' positions are their
// origins on the baseline, which lies inside an upright word's box.
void mark_drawn_spaces(std::vector<FlowWord>& words,
                       std::vector<std::pair<double, double>> spaces) {
  if (spaces.empty()) return;
  std::sort(spaces.begin(), spaces.end(), [](auto& a, auto& b) {
    return a.second < b.second || (a.second == b.second && a.first < b.first);
  });
  for (FlowWord& w : words) {
    if (w.rotation != 0) continue;
    double reach = kSpaceReachEm * w.size;
    auto it = std::lower_bound(spaces.begin(), spaces.end(), w.bbox.y0,
                               [](const auto& s, double y) { return s.second < y; });
    for (; it != spaces.end() && it->second <= w.bbox.y1; ++it)
      if (std::abs(it->first - w.bbox.x1) <= reach) {
        w.space_drawn_after = true;
        break;
      }
  }
}

// A base image this small under a mask is a flat colour: the mask is the shape (Word draws
// a text run it cannot embed the font of as a 2x2 Indexed image with a 1-bit /SMask).
constexpr int kFlatImagePixels = 16;
// Structure trees deeper than this are not walked (a real one is a few levels deep).
constexpr int kMaxTreeDepth = 100;
// A mask fewer pixels tall than this carries no glyph shapes: Word's dotted chart lines are
// 1-pixel-high stencil tiles, its text runs 64 pixels and more (600 dpi).
constexpr int kMinRunPixels = 16;
// Masks larger than this are not scanned for their ink (a text run's is about 300 x 100).
constexpr long kMaxInkPixels = 4'000'000;
// Mask pixels kept for OCR a page, at most (a byte each): a page of Word's 600-dpi runs holds
// about 10 million.
constexpr long kMaxKeptMaskPixels = 40'000'000;

// The painted extent of a 1-bit mask in the unit square of its image (x right, y up, as the
// CTM maps it); nullopt when nothing is painted. Word pads its run images, most on the
// right (about 0.7 of the image height), so neighbouring runs overlap: the ink does not.
// With `keep`, the mask's pixels go there too, row 0 first (the top of the unit square).
std::optional<Bbox> mask_ink(Stream* str, int w, int h, bool paint_bit, Mask* keep = nullptr) {
  int row_bytes = (w + 7) / 8;
  std::vector<unsigned char> row(static_cast<size_t>(row_bytes));
  int x0 = w, x1 = -1, y0 = h, y1 = -1;
  if (keep) {
    keep->width = w, keep->height = h;
    keep->ink.assign(static_cast<size_t>(w) * h, 0);
  }
  str->reset();
  for (int y = 0; y < h && str->doGetChars(row_bytes, row.data()) == row_bytes; ++y) {
    if (keep) {
      unsigned char* out = keep->ink.data() + static_cast<size_t>(y) * w;
      for (int x = 0; x < w; ++x) out[x] = ((row[x / 8] >> (7 - x % 8)) & 1) == (paint_bit ? 1 : 0);
    }
    for (int k = 0; k < row_bytes; ++k) {
      unsigned b = paint_bit ? row[k] : ~row[k] & 0xFFu;
      if (k == row_bytes - 1 && w % 8) b &= (0xFFu << (8 - w % 8)) & 0xFFu;
      if (!b) continue;
      x0 = std::min(x0, k * 8 + __builtin_clz(b) - 24);
      x1 = std::max(x1, k * 8 + 7 - __builtin_ctz(b));
      y0 = std::min(y0, y);
      y1 = y;
    }
  }
  str->close();
  if (x1 < 0) return std::nullopt;
  return Bbox{static_cast<double>(x0) / w, 1 - static_cast<double>(y1 + 1) / h,
              static_cast<double>(x1 + 1) / w, 1 - static_cast<double>(y0) / h};
}

int int_entry(Dict* d, const char* key) {
  Object v = d->lookup(key);
  return v.isInt() ? v.getInt() : 0;
}

// Whether an image XObject could be a text run drawn as an image: a stencil (/ImageMask), or
// a flat colour through a 1-bit /SMask, tall enough to hold glyphs.
bool is_run_image(Dict* image) {
  if (!image->lookup("Subtype").isName("Image")) return false;
  Object mask = image->lookup("ImageMask");
  if (mask.isBool() && mask.getBool()) return int_entry(image, "Height") >= kMinRunPixels;
  Object smask = image->lookup("SMask");
  if (!smask.isStream()) return false;
  Dict* s = smask.streamGetDict();
  return int_entry(image, "Width") * int_entry(image, "Height") <= kFlatImagePixels &&
         int_entry(s, "BitsPerComponent") == 1 && int_entry(s, "Height") >= kMinRunPixels;
}

// Whether the page's own resources hold images that could be text runs: only then are
// images interpreted while reading the page (they cost; most pages have none of these).
bool has_run_images(Page& page) {
  Dict* resources = page.getResourceDict();
  if (!resources) return false;
  Object xobjects = resources->lookup("XObject");
  for (int i = 0; xobjects.isDict() && i < xobjects.dictGetLength(); ++i) {
    Object x = xobjects.dictGetVal(i);
    if (x.isStream() && is_run_image(x.streamGetDict())) return true;
  }
  return false;
}

// The device-space box of a box in the current transformation's unit square.
Bbox device_box(GfxState* state, const Bbox& unit) {
  double x[4], y[4];
  state->transform(unit.x0, unit.y0, &x[0], &y[0]);
  state->transform(unit.x1, unit.y0, &x[1], &y[1]);
  state->transform(unit.x0, unit.y1, &x[2], &y[2]);
  state->transform(unit.x1, unit.y1, &x[3], &y[3]);
  return {*std::min_element(x, x + 4), *std::min_element(y, y + 4), *std::max_element(x, x + 4),
          *std::max_element(y, y + 4)};
}

// ---- the page's drawing ----
// A rectangle thinner than this (pt) is a rule: table rules and underlines are 0.1-1 pt,
// drawn as a stroked line or as a thin filled rectangle (Word, Excel).
constexpr double kRuleThicknessPt = 1.5;
// A line whose ends differ by less than this (pt) across its length is horizontal/vertical.
constexpr double kAxisSlackPt = 0.5;
// A fill this light (0 black .. 1 white) shows nothing on white paper.
constexpr double kWhiteLightness = 0.98;
// A fill covering this share of the page is its background, not a box on it.
constexpr double kBackgroundShare = 0.9;
// Shapes kept per page: a real page draws a few hundred to a few thousand (a dense chart);
// a hostile one millions. Past the cap, shapes only widen one last path (memory stays flat).
constexpr long kMaxShapes = 20'000;
// Raster images interpreted per page for their boxes: each costs a colour space and an
// image map; a chart can be a thousand tiny tiles.
constexpr int kMaxImages = 500;

double lightness(const GfxRGB& rgb) {
  return (0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b));
}

// Collects the page's shapes from the paths poppler strokes and fills.
class DrawingReader {
 public:
  explicit DrawingReader(Drawing& out) : out_(out) {}

  void set_page(double width, double height) { page_area_ = width * height; }

  void path(GfxState* state, bool fill) {
    const GfxPath* path = state->getPath();
    Bbox other{1e300, 1e300, -1e300, -1e300};
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      int n = sub->getNumPoints();
      if (n < 2) continue;
      double xs[5], ys[5];
      bool straight = n <= 5;
      for (int k = 0; k < n && straight; ++k) {
        straight = !sub->getCurve(k);
        state->transform(sub->getX(k), sub->getY(k), &xs[k], &ys[k]);
      }
      Bbox box;
      if (straight && n == 2 && !fill && axis_line(xs, ys, box)) {
        double width = std::max(kAxisSlackPt, line_width(state));
        add_rule(box, width);
        continue;
      }
      if (straight && n >= 4 && rectangle(xs, ys, n, box)) {
        add_rect(state, box, fill);
        continue;
      }
      for (int k = 0; k < n; ++k) {
        double x, y;
        state->transform(sub->getX(k), sub->getY(k), &x, &y);
        other = other.united({x, y, x, y});
      }
    }
    if (other.x0 <= other.x1) add(out_.paths, other);
  }

  void image(GfxState* state) {
    ++images_;
    double x[4], y[4];
    state->transform(0, 0, &x[0], &y[0]);
    state->transform(1, 0, &x[1], &y[1]);
    state->transform(0, 1, &x[2], &y[2]);
    state->transform(1, 1, &x[3], &y[3]);
    add(out_.images, {*std::min_element(x, x + 4), *std::min_element(y, y + 4),
                      *std::max_element(x, x + 4), *std::max_element(y, y + 4)});
  }

  bool wants_images() const { return images_ < kMaxImages; }

 private:
  static double line_width(GfxState* state) {
    double w = state->getLineWidth();
    return state->transformWidth(w);
  }

  static bool axis_line(const double* xs, const double* ys, Bbox& box) {
    box = {std::min(xs[0], xs[1]), std::min(ys[0], ys[1]), std::max(xs[0], xs[1]),
           std::max(ys[0], ys[1])};
    return box.width() < kAxisSlackPt || box.height() < kAxisSlackPt;
  }

  // An axis-aligned rectangle: four corners (a fifth closing the first), each edge along an
  // axis.
  static bool rectangle(const double* xs, const double* ys, int n, Bbox& box) {
    if (n == 5 &&
        (std::abs(xs[4] - xs[0]) > kAxisSlackPt || std::abs(ys[4] - ys[0]) > kAxisSlackPt))
      return false;
    for (int k = 0; k < 4; ++k) {
      int j = (k + 1) % 4;
      bool along = std::abs(xs[k] - xs[j]) < kAxisSlackPt || std::abs(ys[k] - ys[j]) < kAxisSlackPt;
      if (!along) return false;
    }
    box = {*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4),
           *std::max_element(xs, xs + 4), *std::max_element(ys, ys + 4)};
    return true;
  }

  void add_rule(Bbox box, double width) {
    if (box.height() < box.width())
      box.y0 -= width / 2, box.y1 += width / 2;
    else
      box.x0 -= width / 2, box.x1 += width / 2;
    add(out_.rules, box);
  }

  void add_rect(GfxState* state, const Bbox& box, bool fill) {
    double thin = std::min(box.width(), box.height());
    if (thin < kRuleThicknessPt) {
      if (std::max(box.width(), box.height()) >= kRuleThicknessPt) add(out_.rules, box);
      return;
    }
    GfxRGB rgb;
    if (fill)
      state->getFillRGB(&rgb);
    else
      state->getStrokeRGB(&rgb);
    double light = lightness(rgb);
    if (fill &&
        (light >= kWhiteLightness || box.width() * box.height() >= kBackgroundShare * page_area_))
      return;
    if (kept() >= kMaxShapes) return overflow(box);
    out_.boxes.push_back({box, fill, light});
  }

  void add(std::vector<Bbox>& to, const Bbox& box) {
    if (kept() >= kMaxShapes) return overflow(box);
    to.push_back(box);
  }

  // Past the cap: the last path grows to hold every shape not kept.
  void overflow(const Bbox& box) {
    ++out_.dropped;
    if (out_.dropped == 1)
      out_.paths.push_back(box);
    else
      out_.paths.back() = out_.paths.back().united(box);
  }

  long kept() const {
    return static_cast<long>(out_.rules.size() + out_.boxes.size() + out_.images.size() +
                             out_.paths.size());
  }

  Drawing& out_;
  double page_area_ = 0;
  int images_ = 0;
};

// TextOutputDev, plus what each marked-content sequence of a tagged page draws: glyphs, or
// images with the box the CTM gives them. poppler skips images when it extracts text; this
// reader asks for them only inside marked content, where text drawn as images sits (charts
// outside it can be a thousand small images, which cost to interpret).
class PageReader : public TextOutputDev {
 public:
  PageReader(bool images, bool masks, Drawing& drawing)
      : TextOutputDev(nullptr, false, 0, false, false),
        images_(images),
        masks_(masks),
        drawing_(drawing) {}

  void startPage(int number, GfxState* state, XRef* xref) override {
    TextOutputDev::startPage(number, state, xref);
    if (state) drawing_.set_page(state->getPageWidth(), state->getPageHeight());
  }

  // Images are interpreted for their boxes (up to a cap a page), and inside marked content
  // of a tagged page whose resources hold run images, for the text they may carry.
  bool needNonText() override { return (images_ && current_ >= 0) || drawing_.wants_images(); }

  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    drawing_.path(state, false);
  }
  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    drawing_.path(state, true);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    drawing_.path(state, true);
  }
  // What needNonText lets through besides images is not wanted: patterns and shadings are
  // "drawn" here by doing nothing (poppler would otherwise paint every tile and subdivide
  // every gradient: a Word chart's patterned bars cost more than the page's text).
  bool useTilingPatternFill() override { return true; }
  bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int, int, int,
                         int, double, double) override {
    return true;
  }
  bool useShadedFills(int) override { return true; }
  bool functionShadedFill(GfxState*, GfxFunctionShading*) override { return true; }
  bool axialShadedFill(GfxState*, GfxAxialShading*, double, double) override { return true; }
  bool radialShadedFill(GfxState*, GfxRadialShading*, double, double) override { return true; }
  bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading*) override { return true; }
  bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading*) override { return true; }
  void beginForm(Ref) override { ++forms_; }
  void endForm(Ref) override { --forms_; }

  // poppler calls beginMarkedContent for BMC and for BDC with an inline property list, and
  // endMarkedContent for every EMC: a BDC naming a /Properties resource leaves the stack one
  // short (Word writes inline lists: /P <</MCID 12>> BDC).
  void beginMarkedContent(const char*, Dict* properties) override {
    if (!images_) return;
    // MCIDs inside a form XObject number that form's content, not the page's.
    if (properties && forms_ == 0) {
      Object mcid = properties->lookup("MCID");
      if (mcid.isInt()) current_ = mcid.getInt();
    }
    stack_.push_back(current_);
  }
  void endMarkedContent(GfxState*) override {
    if (!images_) return;
    if (!stack_.empty()) stack_.pop_back();
    current_ = stack_.empty() ? -1 : stack_.back();
  }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double ox, double oy,
                CharCode c, int n, const Unicode* u, int len) override {
    TextOutputDev::drawChar(state, x, y, dx, dy, ox, oy, c, n, u, len);
    if (len == 1 && (u[0] == 0x20 || u[0] == 0xA0)) {  // TextOutputDev keeps no trace of them
      double tx, ty;
      state->transform(x, y, &tx, &ty);
      spaces.push_back({tx, ty});
    }
    if (current_ >= 0 && (glyph_mcids.empty() || glyph_mcids.back() != current_))
      glyph_mcids.push_back(current_);
  }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int w, int h, bool invert,
                     bool interpolate, bool inline_image) override {
    bool stencil = h >= kMinRunPixels;
    if (stencil && marked() && static_cast<long>(w) * h <= kMaxInkPixels) {
      std::shared_ptr<Mask> kept = want_mask(state, w, h);
      note(state, true, mask_ink(str, w, h, invert, kept.get()), upright(state, kept));
      return;  // the mask is read (consumed)
    }
    note(state, stencil, std::nullopt);
    OutputDev::drawImageMask(state, ref, str, w, h, invert, interpolate, inline_image);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int w, int h, GfxImageColorMap* map,
                 bool interpolate, const int* mask_colors, bool inline_image) override {
    drawing_.image(state);
    note(state, false, std::nullopt);
    OutputDev::drawImage(state, ref, str, w, h, map, interpolate, mask_colors, inline_image);
  }
  void drawMaskedImage(GfxState* state, Object*, Stream*, int w, int h, GfxImageColorMap*, bool,
                       Stream*, int, int, bool, bool) override {
    bool stencil = w * h <= kFlatImagePixels;
    if (!stencil) drawing_.image(state);
    note(state, stencil, std::nullopt);
  }
  void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int w, int h, GfxImageColorMap*, bool,
                           Stream* mask, int mask_w, int mask_h, GfxImageColorMap* mask_map,
                           bool) override {
    bool stencil = w * h <= kFlatImagePixels && mask_map && mask_map->getBits() == 1 &&
                   mask_map->getNumPixelComps() == 1 && mask_h >= kMinRunPixels;
    if (!stencil) drawing_.image(state);
    std::optional<Bbox> ink;
    std::shared_ptr<Mask> kept;
    if (stencil && marked() && static_cast<long>(mask_w) * mask_h <= kMaxInkPixels) {
      // Opaque where the mask's decoded value is 1.
      unsigned char one = 1;
      GfxGray gray;
      mask_map->getGray(&one, &gray);
      kept = want_mask(state, mask_w, mask_h);
      ink = mask_ink(mask, mask_w, mask_h, gray > gfxColorComp1 / 2, kept.get());
    }
    note(state, stencil, ink, upright(state, kept));
  }

  std::vector<MarkedImage> images;
  std::vector<int> glyph_mcids;
  std::vector<std::pair<double, double>> spaces;  // where space glyphs start, device space

 private:
  // Inside marked content of a page whose resources hold run images: where text drawn as
  // images is looked for.
  bool marked() const { return images_ && current_ >= 0; }

  // The image fills the unit square of the current transformation matrix.
  void note(GfxState* state, bool stencil, const std::optional<Bbox>& ink,
            std::shared_ptr<const Mask> mask = nullptr) {
    if (!marked()) return;
    Bbox box = device_box(state, {0, 0, 1, 1});
    images.push_back(
        {current_, box, ink ? device_box(state, *ink) : box, stencil, std::move(mask)});
  }

  // A mask to keep the pixels of a `w` x `h` stencil in: when they are wanted, there is room
  // under the cap, and the image is drawn square to the page (turned or sheared, it is left
  // to the page's render).
  std::shared_ptr<Mask> want_mask(GfxState* state, int w, int h) {
    const double* m = state->getCTM();
    bool square = std::abs(m[1]) < 1e-6 * std::abs(m[0]) && std::abs(m[2]) < 1e-6 * std::abs(m[3]);
    long pixels = static_cast<long>(w) * h;
    if (!masks_ || !square || kept_pixels_ + pixels > kMaxKeptMaskPixels) return nullptr;
    kept_pixels_ += pixels;
    return std::make_shared<Mask>();
  }

  // `mask` (rows as the image stores them: row 0 at the unit square's top) turned upright in
  // display space.
  static std::shared_ptr<const Mask> upright(GfxState* state, std::shared_ptr<Mask> mask) {
    if (!mask || mask->ink.empty()) return nullptr;
    double x00, y00, x10, y10, x01, y01;
    state->transform(0, 0, &x00, &y00);
    state->transform(1, 0, &x10, &y10);
    state->transform(0, 1, &x01, &y01);
    auto w = static_cast<size_t>(mask->width);
    if (x10 < x00)  // columns run right to left
      for (size_t r = 0; r < mask->ink.size(); r += w)
        std::reverse(mask->ink.begin() + static_cast<long>(r),
                     mask->ink.begin() + static_cast<long>(r + w));
    if (y01 > y00)  // row 0 is at the bottom
      for (size_t top = 0, bottom = mask->ink.size() - w; top < bottom; top += w, bottom -= w)
        std::swap_ranges(mask->ink.begin() + static_cast<long>(top),
                         mask->ink.begin() + static_cast<long>(top + w),
                         mask->ink.begin() + static_cast<long>(bottom));
    return mask;
  }

  bool images_;  // a tagged page whose resources hold images that could be text runs
  bool masks_;   // stencils' pixels are kept
  long kept_pixels_ = 0;
  DrawingReader drawing_;
  int forms_ = 0;
  int current_ = -1;        // the marked-content id in force, -1 outside any
  std::vector<int> stack_;  // the id in force after each open BDC/BMC
};

// A PDF text string (UTF-16 after a byte-order mark, else PDFDocEncoding) as UTF-8.
std::string text_string(const GooString& s) {
  Unicode* ucs4 = nullptr;
  int n = TextStringToUCS4(s.toStr(), &ucs4);
  std::string out;
  for (int i = 0; i < n; ++i)
    if (ucs4[i] != 0 && ucs4[i] <= 0x10FFFF && (ucs4[i] < 0xD800 || ucs4[i] >= 0xE000))
      append_utf8(out, ucs4[i]);
  gfree(ucs4);
  return out;
}

// The structure types whose content reads as one stretch of text: Word splits a paragraph
// or a table cell into many runs, and the runs of one of these join without spaces.
constexpr std::string_view kTextBlocks[] = {
    "P",          "H",  "H1",  "H2",    "H3",   "H4", "H5", "H6",     "Caption",
    "BlockQuote", "LI", "Lbl", "LBody", "TOCI", "TH", "TD", "Figure", "Formula"};

bool has_type(const Object& o, const char* type) {
  return o.isDict() && o.dictLookup("Type").isName(type);
}

bool is_figure(std::string_view type) {
  return type == "Figure" || type == "Formula";
}

// The value of `key` in a number tree (ParentTree), or null.
Object number_tree_lookup(const Object& node, int key, int depth) {
  if (!node.isDict() || depth > kMaxTreeDepth) return Object(objNull);
  Object limits = node.dictLookup("Limits");
  if (limits.isArray() && limits.arrayGetLength() == 2) {
    Object lo = limits.arrayGet(0), hi = limits.arrayGet(1);
    if (lo.isInt() && hi.isInt() && (key < lo.getInt() || key > hi.getInt()))
      return Object(objNull);
  }
  Object nums = node.dictLookup("Nums");
  if (nums.isArray()) {
    for (int i = 0; i + 1 < nums.arrayGetLength(); i += 2) {
      Object k = nums.arrayGet(i);
      if (k.isInt() && k.getInt() == key) return nums.arrayGet(i + 1);
    }
    return Object(objNull);
  }
  Object kids = node.dictLookup("Kids");
  for (int i = 0; kids.isArray() && i < kids.arrayGetLength(); ++i) {
    Object found = number_tree_lookup(kids.arrayGet(i), key, depth + 1);
    if (!found.isNull()) return found;
  }
  return Object(objNull);
}

// The structure tree around one page's marked-content sequences, read object by object:
// the ParentTree says which element holds each MCID, the element's /P chain leads to its
// block (the nearest P, TD, ... above it), and only those blocks are walked. poppler's
// StructTreeRoot parses the whole tree first: 20-150 ms a document on the real reports.
class TreeReader {
 public:
  TreeReader(PDFDoc& doc, int number) : xref_(doc.getXRef()) {
    Object catalog = xref_->getCatalog();
    Object root = catalog.isDict() ? catalog.dictLookup("StructTreeRoot") : Object(objNull);
    Ref* page_ref = doc.getCatalog()->getPageRef(number);
    if (!root.isDict() || !page_ref) return;
    page_ = *page_ref;
    role_map_ = root.dictLookup("RoleMap");
    Object page = Object(page_).fetch(xref_);
    Object key = page.isDict() ? page.dictLookup("StructParents") : Object(objNull);
    if (key.isInt()) parents_ = number_tree_lookup(root.dictLookup("ParentTree"), key.getInt(), 0);
  }

  std::vector<TreeBlock> blocks(const std::vector<int>& mcids) {
    std::vector<std::pair<Ref, bool>> found;  // block, figure: in order of first MCID
    for (int mcid : mcids) {
      if (!parents_.isArray() || mcid < 0 || mcid >= parents_.arrayGetLength()) continue;
      const Object& ref = parents_.arrayGetNF(mcid);
      if (!ref.isRef()) continue;
      std::pair<Ref, bool> hit = block_of(ref.getRef());
      if (hit.first == Ref::INVALID()) continue;
      if (std::none_of(found.begin(), found.end(), [&](auto& f) { return f.first == hit.first; }))
        found.push_back(hit);
    }
    std::vector<TreeBlock> out;
    for (auto [block, figure] : found) {
      TreeBlock items;
      std::set<int> seen;
      collect(Object(block), Ref::INVALID(), figure, items, seen, 0);
      out.push_back(std::move(items));
    }
    return out;
  }

 private:
  // A structure element's standard type: its /S, through the RoleMap.
  std::string type_of(const Object& element) {
    Object s = element.dictLookup("S");
    if (!s.isName()) return "";
    std::string type = s.getName();
    for (int i = 0; i < 8 && role_map_.isDict(); ++i) {  // role maps chain a step or two
      Object mapped = role_map_.dictLookup(type.c_str());
      if (!mapped.isName() || type == mapped.getName()) break;
      type = mapped.getName();
    }
    return type;
  }

  // The block holding element `ref`, and whether a Figure or Formula is at or above it.
  // Known answers for elements on the way are reused: a page's runs share their ancestors.
  std::pair<Ref, bool> block_of(Ref ref) {
    struct Step {
      Ref ref;
      bool block, figure;
    };
    std::vector<Step> path;
    std::pair<Ref, bool> above{Ref::INVALID(), false};  // from the first known ancestor
    for (int depth = 0; depth < kMaxTreeDepth && ref != Ref::INVALID(); ++depth) {
      if (auto known = climbed_.find(ref.num); known != climbed_.end()) {
        above = known->second;
        break;
      }
      Object element = fetch(Object(ref));
      if (!element.isDict() || has_type(element, "StructTreeRoot")) break;
      std::string type = type_of(element);
      bool block =
          std::find(std::begin(kTextBlocks), std::end(kTextBlocks), type) != std::end(kTextBlocks);
      path.push_back({ref, block, is_figure(type)});
      const Object& parent = element.dictLookupNF("P");
      ref = parent.isRef() ? parent.getRef() : Ref::INVALID();
    }
    // Back down the path: each element's block is its own when it is one, else its parent's.
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      above = {it->block ? it->ref : above.first, it->figure || above.second};
      climbed_[it->ref.num] = above;
    }
    if (above.first == Ref::INVALID() && !path.empty()) above.first = path.front().ref;
    return above;
  }

  // Appends the items under `node` (a kid of an element: an element, an MCID, a marked-
  // content reference) in document order; `pg` is the page inherited from above.
  void collect(const Object& node, Ref pg, bool figure, TreeBlock& out, std::set<int>& seen,
               int depth) {
    if (depth > kMaxTreeDepth) return;
    if (node.isRef() && !seen.insert(node.getRefNum()).second) return;  // shared or cyclic
    Object kid = fetch(node);
    if (kid.isInt() || has_type(kid, "MCR")) {
      TreeItem item;
      item.figure = figure;
      add_content(kid, pg, item);
      out.push_back(std::move(item));
      return;
    }
    if (!kid.isDict() || has_type(kid, "OBJR")) return;
    if (const Object& p = kid.dictLookupNF("Pg"); p.isRef()) pg = p.getRef();
    figure = figure || is_figure(type_of(kid));
    Object actual = kid.dictLookup("ActualText");
    if (actual.isString()) {  // it stands for all the content under it
      TreeItem item;
      item.actual_text = text_string(*actual.getString());
      item.figure = figure;
      gather(kid, pg, item, seen, depth + 1);
      out.push_back(std::move(item));
      return;
    }
    for_kids(kid, [&](const Object& k) { collect(k, pg, figure, out, seen, depth + 1); });
  }

  // Adds the MCIDs of all content under element `e` to `item`.
  void gather(const Object& e, Ref pg, TreeItem& item, std::set<int>& seen, int depth) {
    if (depth > kMaxTreeDepth) return;
    for_kids(e, [&](const Object& node) {
      if (node.isRef() && !seen.insert(node.getRefNum()).second) return;
      Object kid = fetch(node);
      if (kid.isInt() || has_type(kid, "MCR")) {
        add_content(kid, pg, item);
      } else if (kid.isDict() && !has_type(kid, "OBJR")) {
        const Object& p = kid.dictLookupNF("Pg");
        gather(kid, p.isRef() ? p.getRef() : pg, item, seen, depth + 1);
      }
    });
  }

  // An MCID, bare or as a marked-content reference; only the page's own content counts
  // (an MCR with /Stm numbers a form XObject's content).
  void add_content(const Object& kid, Ref pg, TreeItem& item) {
    item.has_content = true;
    int mcid = -1;
    if (kid.isInt()) {
      mcid = kid.getInt();
    } else {
      if (const Object& p = kid.dictLookupNF("Pg"); p.isRef()) pg = p.getRef();
      Object m = kid.dictLookup("MCID");
      if (m.isInt() && kid.dictLookup("Stm").isNull()) mcid = m.getInt();
    }
    if (mcid >= 0 && pg == page_) item.mcids.push_back(mcid);
  }

  // Elements sit in object streams that poppler caches only a few of at a time: each
  // element is fetched once per page.
  Object fetch(const Object& node) {
    if (!node.isRef()) return node.copy();
    auto [it, added] = fetched_.try_emplace(node.getRefNum());
    if (added) it->second = node.fetch(xref_);
    return it->second.copy();
  }

  template <typename F>
  void for_kids(const Object& element, F f) {
    const Object& k = element.dictLookupNF("K");
    if (k.isArray())
      for (int i = 0; i < k.arrayGetLength(); ++i) f(k.arrayGetNF(i));
    else if (!k.isNull())
      f(k);
  }

  XRef* xref_;
  std::map<int, std::pair<Ref, bool>> climbed_;  // element -> (its block, under a figure)
  std::map<int, Object> fetched_;
  Ref page_ = Ref::INVALID();
  Object parents_;  // the page's ParentTree entry: MCID -> element
  Object role_map_;
};

}  // namespace

struct Document::Impl {
  // poppler's global settings (text encoding UTF-8) and its error callback, while a document
  // is open; the first of them installs the callback.
  GlobalParamsIniter globals{capture_poppler_message};
  std::unique_ptr<PDFDoc> doc;
  bool tagged = false;  // the catalog has a /StructTreeRoot
};

Document::Document(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Document::~Document() = default;

// poppler (22.12) makes GfxState's colour profiles, two static shared_ptrs, in the first
// GfxState it constructs, without a lock: two documents drawing their first pages at once
// race there (ThreadSanitizer caught one freeing the other's sRGB profile). Made once here,
// before any document can be read on another thread.
namespace {
void make_colour_profiles() {
  static std::once_flag once;
  std::call_once(once, [] {
    PDFRectangle box(0, 0, 1, 1);
    GfxState state(72, 72, &box, 0, false);
  });
}
}  // namespace

void prepare_process() {
  make_colour_profiles();
  // The settings every document's own GlobalParamsIniter then finds in place (poppler counts
  // them and deletes the parameters when the last goes); this one is never released.
  static const GlobalParamsIniter kept{capture_poppler_message};
}

std::unique_ptr<Document> Document::open(std::string_view bytes, const std::string& password) {
  make_colour_profiles();
  std::vector<std::string> messages;
  MessageCapture capture(messages);
  auto impl = std::make_unique<Impl>();
  // The stream does not own the bytes; PDFDoc owns the stream.
  auto* stream = new MemStream(const_cast<char*>(bytes.data()), 0,
                               static_cast<Goffset>(bytes.size()), Object(objNull));
  impl->doc =
      std::make_unique<PDFDoc>(stream, GooString(password.c_str()), GooString(password.c_str()));
  if (!impl->doc->isOk()) {
    if (impl->doc->getErrorCode() == errEncrypted) {
      if (password.empty())
        throw Error(Errc::encrypted, "encrypted PDF: a password is needed (use --password)");
      throw Error(Errc::bad_password, "encrypted PDF: the password given does not open it");
    }
    std::string why = messages.empty() ? "" : " (" + messages.back() + ")";
    throw Error(Errc::damaged, "damaged PDF: cannot be parsed" + why);
  }
  if (impl->doc->getNumPages() <= 0) {
    // poppler says why, e.g. "Page count (2147483647) larger than number of objects (6)".
    std::string why = messages.empty() ? "" : " (" + messages.back() + ")";
    throw Error(Errc::no_pages, "PDF has no pages" + why);
  }
  Object catalog = impl->doc->getXRef()->getCatalog();
  impl->tagged = catalog.isDict() && !catalog.dictLookupNF("StructTreeRoot").isNull();
  return std::unique_ptr<Document>(new Document(std::move(impl)));
}

int Document::page_count() const {
  return impl_->doc->getNumPages();
}

PdfInfo Document::info() const {
  PDFDoc& doc = *impl_->doc;
  PdfInfo info;
  info.version =
      std::to_string(doc.getPDFMajorVersion()) + "." + std::to_string(doc.getPDFMinorVersion());
  info.producer = info_entry(doc, "Producer");
  info.creator = info_entry(doc, "Creator");
  info.title = info_entry(doc, "Title");
  std::unique_ptr<GooString> created = doc.getDocInfoCreatDate();
  if (created) {
    time_t t = dateStringToTime(created.get());
    if (t > 0) {
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
      info.created = buf;
    }
  }
  return info;
}

PageText Document::page(int number, bool masks) const {
  PageText out;
  std::vector<std::string> messages;
  MessageCapture capture(messages);
  // The catalog's page, as poppler-cpp's create_page looked it up.
  Page* page = impl_->doc->getCatalog()->getPage(number);
  if (!page) return out;
  out.readable = true;
  int rotate = page->getRotate();
  out.rotate = rotate == 90 || rotate == 180 || rotate == 270 ? rotate : 0;
  const PDFRectangle* crop = page->getCropBox();
  out.crop_width = crop->x2 - crop->x1;
  out.crop_height = crop->y2 - crop->y1;
  // poppler-cpp's text_list settings: reading order (not physical layout, not raw), the
  // page at 72 dpi and rotation 0, crop box off.
  PageReader reader(impl_->tagged && has_run_images(*page), masks, out.drawing);
  impl_->doc->displayPageSlice(&reader, number, 72, 72, 0, false, false, false, -1, -1, -1, -1);
  std::unique_ptr<TextWordList> list = reader.makeWordList();
  out.words.reserve(list->getLength());
  for (int i = 0; i < list->getLength(); ++i) out.words.push_back(flow_word(*list->get(i)));
  mark_drawn_spaces(out.words, std::move(reader.spaces));
  out.images = std::move(reader.images);
  out.glyph_mcids = std::move(reader.glyph_mcids);
  std::sort(out.glyph_mcids.begin(), out.glyph_mcids.end());
  out.glyph_mcids.erase(std::unique(out.glyph_mcids.begin(), out.glyph_mcids.end()),
                        out.glyph_mcids.end());
  out.problems = std::move(messages);
  return out;
}

GrayImage Document::render(int number, int dpi) const {
  std::vector<std::string> messages;  // already reported when the page was read
  MessageCapture capture(messages);
  SplashColor paper;
  paper[0] = 0xFF;
  SplashOutputDev out(splashModeMono8, 1, false, paper);
  out.setFontAntialias(true);
  out.setVectorAntialias(true);
  out.startDoc(impl_->doc.get());
  // The page box and rotation of the text pass, so pixels map to the words' points.
  impl_->doc->displayPageSlice(&out, number, dpi, dpi, 0, false, false, false, -1, -1, -1, -1);
  GrayImage image;
  SplashBitmap* bitmap = out.getBitmap();
  if (!bitmap || !bitmap->getDataPtr()) return image;
  image.width = bitmap->getWidth();
  image.height = bitmap->getHeight();
  image.pixels.resize(static_cast<size_t>(image.width) * image.height);
  for (int y = 0; y < image.height; ++y)
    std::copy_n(bitmap->getDataPtr() + static_cast<long>(y) * bitmap->getRowSize(), image.width,
                image.pixels.begin() + static_cast<long>(y) * image.width);
  return image;
}

RgbImage Document::render_rgb(int number, double dpi) const {
  std::vector<std::string> messages;  // already reported when the page was read
  MessageCapture capture(messages);
  SplashColor paper;
  paper[0] = paper[1] = paper[2] = 0xFF;
  SplashOutputDev out(splashModeRGB8, 1, false, paper);
  out.setFontAntialias(true);
  out.setVectorAntialias(true);
  out.startDoc(impl_->doc.get());
  // The page box and rotation of the text pass, so pixels map to the words' points.
  impl_->doc->displayPageSlice(&out, number, dpi, dpi, 0, false, false, false, -1, -1, -1, -1);
  RgbImage image;
  image.dpi = dpi;
  SplashBitmap* bitmap = out.getBitmap();
  if (!bitmap || !bitmap->getDataPtr()) return image;
  image.width = bitmap->getWidth();
  image.height = bitmap->getHeight();
  size_t row = static_cast<size_t>(image.width) * 3;
  image.pixels.resize(row * static_cast<size_t>(image.height));
  for (int y = 0; y < image.height; ++y)
    std::copy_n(bitmap->getDataPtr() + static_cast<long>(y) * bitmap->getRowSize(), row,
                image.pixels.begin() + static_cast<long>(y) * static_cast<long>(row));
  return image;
}

std::string png_of(const RgbImage& image) {
  if (image.width <= 0 || image.height <= 0) throw Error(Errc::internal, "no image to encode");
  char* data = nullptr;
  size_t size = 0;
  FILE* f = open_memstream(&data, &size);
  if (!f) throw Error(Errc::internal, "cannot encode a PNG: out of memory");
  PNGWriter writer(PNGWriter::RGB);
  bool ok = writer.init(f, image.width, image.height, image.dpi, image.dpi);
  std::vector<unsigned char*> rows(static_cast<size_t>(image.height));
  for (int y = 0; y < image.height; ++y)
    rows[static_cast<size_t>(y)] = const_cast<unsigned char*>(image.pixels.data()) +
                                   static_cast<size_t>(y) * static_cast<size_t>(image.width) * 3;
  ok = ok && writer.writePointers(rows.data(), image.height) && writer.close();
  std::fclose(f);
  std::string bytes(data ? data : "", data ? size : 0);
  std::free(data);
  if (!ok) throw Error(Errc::internal, "cannot encode a PNG");
  return bytes;
}

std::vector<TreeBlock> Document::tree_blocks(int number, const std::vector<int>& mcids) const {
  return TreeReader(*impl_->doc, number).blocks(mcids);
}

}  // namespace kreport::core
