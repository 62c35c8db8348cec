// OCR for text that is only pixels: scanned pages, and image runs no /ActualText stands for.
// Tesseract lives in a module of its own (libkreport_ocr.so, tesseract_engine.cc) that is
// loaded on first use: it pulls in 56 shared libraries (start-up for every run otherwise),
// and Debian's libtesseract uses OpenMP, which runs 5x slower unless OMP_THREAD_LIMIT=1 is
// in the environment when libgomp loads, i.e. before the module is opened.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kreport/geometry.h"
#include "kreport/load.h"
#include "poppler_core.h"

namespace kreport::load {

using core::GrayImage;

/// A region of the image in pixels, read as one line of text (tesseract's --psm 7) or as a
/// block of lines (--psm 6).
struct OcrRegion {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool single_line = true;
};

/// A line of text OCR read, its box in pixels, its confidence (0-100).
struct OcrLine {
  std::string text;  // UTF-8
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double confidence = 0;
};

/// What the module offers (one implementation: TesseractEngine).
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  /// The text lines of the image as tesseract's layout analysis finds them (no recognition).
  virtual std::vector<OcrRegion> find_lines(const GrayImage& image, int dpi) = 0;
  /// The lines read in `regions`, region by region.
  virtual std::vector<OcrLine> read(const GrayImage& image, int dpi,
                                    const std::vector<OcrRegion>& regions) = 0;
  /// What the engine's libraries printed (leptonica's messages) since the last call, in
  /// order: kreport reports them as warnings, they never reach stderr.
  virtual std::vector<std::string> take_messages() = 0;
};

/// The OCR engine, loaded on first use; nullptr (with the reason in `why`) when this build
/// has no OCR or the module or its language data cannot be loaded.
OcrEngine* ocr_engine(std::string* why);

/// True when this build has no OCR, or the engine was tried and could not be loaded: the
/// caller need not render a page for it.
bool ocr_engine_missing();

/// A second engine for a second thread, loaded on first use; nullptr as ocr_engine.
OcrEngine* second_engine(std::string* why);

/// The lines read in `regions`, in their order. Given a `second` engine (called on the other
/// thread, so that loading it overlaps the first engine's reading) and enough regions to pay
/// for its start (~0.2 s of CPU), both read at once, each taking the next region; each
/// region is read alone, so the lines are the same either way. The engines' messages are
/// appended to `messages` in region order, so they are the same either way too.
std::vector<OcrLine> read_lines(OcrEngine& engine, const GrayImage& image, int dpi,
                                const std::vector<OcrRegion>& regions,
                                const std::function<OcrEngine*()>& second,
                                std::vector<std::string>& messages);

/// The words of OCR lines read from an image of `dpi` (boxes in points), origin ocr.
std::vector<Word> ocr_words(const std::vector<OcrLine>& lines, int dpi);

/// Groups image-run boxes (points) into line regions (pixels at `dpi`), padded for OCR.
std::vector<OcrRegion> line_regions(std::vector<Bbox> runs, int dpi, int width, int height);

}  // namespace kreport::load

/// The module's one entry point: a new engine for `languages` ("kor+eng"), or nullptr with
/// the reason in `error`.
extern "C" kreport::load::OcrEngine* kreport_ocr_create(const char* languages, std::string* error);
