// The OCR module (libkreport_ocr.so): Tesseract 5 through its C++ API, and only here. The
// page is rendered once (a crop would re-render it) and each region is set as an image of its
// own; each region is read as one line (--psm 7) or a block (--psm 6), never the whole page as
// --psm 3, which silently drops lines. Text comes by RIL_TEXTLINE: its spacing is right,
// where word-level output splits Hangul per syllable.
//
// Two engines, both kor+eng: a fast one reads every region, and tesseract's default one reads
// again only a region the fast one found no text in (bench/OCR.md has the measurements).
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "ocr.h"

namespace kreport::load {
namespace {

// A page's worth of leptonica's messages is plenty to say what went wrong.
constexpr size_t kMaxMessages = 20;

// The fast engine's settings, given at Init so that the eng sub-engine has them too
// (SetVariable reaches only the first language). Measured with bench/ocr/cer.py against
// /ActualText: CER 3.84% -> 3.0%, CPU per full page 9% less.
// - lstm_use_matrix=0: the LSTM's output is decoded without its word list. With the list,
//   kor accepts fewer Hangul words, so eng re-reads them and sometimes wins with Latin
//   garbage (`당사는` -> `SAKE`); without it, fewer re-reads and better text.
// - tessedit_do_invert=0: no second, inverted reading of words read with low certainty;
//   stencil lines are always dark on light.
const std::vector<std::string> kFastNames = {"lstm_use_matrix", "tessedit_do_invert"};
const std::vector<std::string> kFastValues = {"0", "0"};

// leptonica prints "Error in pixScaleAreaMap: pixd too small" and the like on stderr; its
// handler sends them to the engine working on this thread instead (dropped when none is).
thread_local std::vector<std::string>* lept_messages = nullptr;

extern "C" void keep_lept_message(const char* text) {
  if (!lept_messages || lept_messages->size() >= kMaxMessages) return;
  std::string line(text);
  while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.pop_back();
  if (!line.empty()) lept_messages->push_back(std::move(line));
}

// For the lifetime of this object, leptonica's messages on this thread go to `sink`.
class LeptMessagesTo {
 public:
  explicit LeptMessagesTo(std::vector<std::string>& sink) : previous_(lept_messages) {
    lept_messages = &sink;
  }
  ~LeptMessagesTo() { lept_messages = previous_; }
  LeptMessagesTo(const LeptMessagesTo&) = delete;
  LeptMessagesTo& operator=(const LeptMessagesTo&) = delete;

 private:
  std::vector<std::string>* previous_;
};

class TesseractEngine : public OcrEngine {
 public:
  bool init(const char* languages, std::string* error) {
    // nullptr: Debian's tessdata folder (or TESSDATA_PREFIX).
    // Tesseract's progress notes ("Detected 165 diacritics") are not for stderr.
    fast_.SetVariable("debug_file", "/dev/null");
    careful_.SetVariable("debug_file", "/dev/null");
    if (fast_.Init(nullptr, languages, tesseract::OEM_DEFAULT, nullptr, 0, &kFastNames,
                   &kFastValues, false) != 0 ||
        careful_.Init(nullptr, languages, tesseract::OEM_DEFAULT) != 0) {
      *error = std::string("tesseract cannot load its language data (") + languages +
               "; apt-get install tesseract-ocr-kor tesseract-ocr-eng)";
      return false;
    }
    return true;
  }

  std::vector<OcrRegion> find_lines(const GrayImage& image, int dpi) override {
    LeptMessagesTo to(messages_);
    fast_.SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
    fast_.SetSourceResolution(dpi);
    fast_.SetPageSegMode(tesseract::PSM_AUTO);
    std::unique_ptr<tesseract::PageIterator> it(fast_.AnalyseLayout());
    std::vector<OcrRegion> out;
    if (!it) return out;
    do {
      if (!PTIsTextType(it->BlockType())) continue;
      OcrRegion r;
      int x0, y0, x1, y1;
      // A paragraph's line as wide as its block: the analysis can cut a line short (a clause
      // missing), and reading the block's width gets it back. Not in tables and boxes, whose
      // blocks hold frames and other cells.
      if (it->BoundingBox(tesseract::RIL_TEXTLINE, &r.x0, &r.y0, &r.x1, &r.y1) &&
          it->BoundingBox(tesseract::RIL_BLOCK, &x0, &y0, &x1, &y1)) {
        if (it->BlockType() == tesseract::PT_FLOWING_TEXT)
          r.x0 = std::min(r.x0, x0), r.x1 = std::max(r.x1, x1);
        out.push_back(r);
      }
    } while (it->Next(tesseract::RIL_TEXTLINE));
    return out;
  }

  std::vector<OcrLine> read(const GrayImage& image, int dpi,
                            const std::vector<OcrRegion>& regions) override {
    LeptMessagesTo to(messages_);
    std::vector<OcrLine> out;
    for (const OcrRegion& r : regions) {
      std::vector<OcrLine> lines = read_region(fast_, image, dpi, r);
      if (doubtful(lines)) {
        std::vector<OcrLine> again = read_region(careful_, image, dpi, r);
        if (!again.empty()) lines = std::move(again);
      }
      out.insert(out.end(), std::make_move_iterator(lines.begin()),
                 std::make_move_iterator(lines.end()));
    }
    return out;
  }

  // A reading the default engine is asked for again: the fast one, without its word list,
  // drops some short number cells whole (`34`) and reads some lone digits as their Latin
  // look-alikes (`9` -> `Q`). Only these: taking the more confident of two readings of any
  // region made CER worse (a `-` cell read as `=`, more confidently).
  static bool doubtful(const std::vector<OcrLine>& lines) {
    if (lines.empty()) return true;
    const std::string& text = lines.front().text;
    return lines.size() == 1 && text.size() == 1 &&
           std::isalpha(static_cast<unsigned char>(text[0])) != 0;
  }

  std::vector<std::string> take_messages() override { return std::exchange(messages_, {}); }

 private:
  // The lines `api` reads in region `r` of `image`.
  static std::vector<OcrLine> read_region(tesseract::TessBaseAPI& api, const GrayImage& image,
                                          int dpi, const OcrRegion& r) {
    std::vector<OcrLine> out;
    // Each region is set as an image of its own (tesseract copies just its pixels). Read
    // through SetRectangle on the whole image, tesseract 5's LSTM takes some lines' pixels
    // from elsewhere in the image (a body line came back as a chart's source line further
    // down, or as a fragment of itself).
    int x0 = std::clamp(r.x0, 0, image.width), x1 = std::clamp(r.x1, 0, image.width);
    int y0 = std::clamp(r.y0, 0, image.height), y1 = std::clamp(r.y1, 0, image.height);
    if (x1 <= x0 || y1 <= y0) return out;
    api.SetImage(image.pixels.data() + static_cast<size_t>(y0) * image.width + x0, x1 - x0, y1 - y0,
                 1, image.width);
    api.SetSourceResolution(dpi);
    api.SetPageSegMode(r.single_line ? tesseract::PSM_SINGLE_LINE : tesseract::PSM_SINGLE_BLOCK);
    if (api.Recognize(nullptr) != 0) return out;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it || it->Empty(tesseract::RIL_TEXTLINE)) return out;
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
      OcrLine line;
      line.text = text ? text.get() : "";
      while (!line.text.empty() && (line.text.back() == '\n' || line.text.back() == ' '))
        line.text.pop_back();
      line.confidence = it->Confidence(tesseract::RIL_TEXTLINE);
      it->BoundingBox(tesseract::RIL_TEXTLINE, &line.x0, &line.y0, &line.x1, &line.y1);
      line.x0 += x0, line.x1 += x0, line.y0 += y0, line.y1 += y0;
      if (!line.text.empty()) out.push_back(std::move(line));
    } while (it->Next(tesseract::RIL_TEXTLINE));
    return out;
  }

  tesseract::TessBaseAPI fast_;        // reads every region
  tesseract::TessBaseAPI careful_;     // tesseract's defaults: regions fast_ read nothing in
  std::vector<std::string> messages_;  // leptonica's, since take_messages
};

}  // namespace
}  // namespace kreport::load

extern "C" kreport::load::OcrEngine* kreport_ocr_create(const char* languages, std::string* error) {
  leptSetStderrHandler(kreport::load::keep_lept_message);  // never leptonica's own stderr
  auto engine = std::make_unique<kreport::load::TesseractEngine>();
  if (!engine->init(languages, error)) return nullptr;
  return engine.release();
}
