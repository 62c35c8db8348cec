// Stage 1, load: PDF bytes -> pages of positioned words. The only place poppler is seen.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreport/geometry.h"

namespace kreport {

/// Where a word's text came from: the text layer, the structure tree's /ActualText (text
/// drawn as images), or OCR.
enum class Origin { text, actual_text, ocr };

/// "text", "actual_text", "ocr": the record's names.
const char* origin_name(Origin origin);

/// One word as the PDF draws it. Text is UTF-8, not yet normalized.
struct Word {
  std::string text;
  Bbox bbox;
  std::string font;  // subset prefix removed: "NanumGothicBold", not "ABCDEE+NanumGothicBold"
  double size = 0;
  bool space_after = false;
  bool space_drawn_after = false;  // the PDF draws a space glyph right after it
  Origin origin = Origin::text;
};

/// A filled or stroked rectangle: a shaded panel, a framed box, a banner, a table's cell.
struct DrawnBox {
  Bbox bbox;
  bool filled = false;   // else only its outline is stroked (a frame)
  double lightness = 0;  // of the fill (or the frame's stroke): 0 black .. 1 white
};

/// What a page draws besides its text, as geometry in the words' space (pt, y down). Read so
/// that regions (a shaded sidebar, a framed lead box, a chart's area, a ruled table) are seen
/// as a reader sees them. White fills are left out (on white paper they show nothing), and
/// so is a fill covering the whole page (a background).
struct Drawing {
  std::vector<Bbox> rules;      // horizontal and vertical lines (stroked, or thin fills)
  std::vector<DrawnBox> boxes;  // rectangles larger than a rule
  std::vector<Bbox> images;     // raster images (text drawn as images is not among them)
  std::vector<Bbox> paths;      // every other path: curves, polylines (charts, icons, logos)
  long dropped = 0;             // shapes past the page's cap, merged into one last path
};

/// When text is read by OCR: never; where a page has none (no text layer at all, or image
/// runs that no /ActualText stands for); or on every page, in place of its text layer.
enum class OcrMode { off, automatic, force };

struct RawPage {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  int rotation = 0;  // degrees clockwise: 0, 90, 180, 270
  std::vector<Word> words;
  Drawing drawing = {};
  std::vector<std::string> problems = {};  // what poppler complained about reading the page
  // Text drawn as images inside marked content (tagged PDFs): the runs read from the
  // structure tree's /ActualText (words with origin actual_text), and the boxes of stencil
  // runs that no /ActualText stands for, which the page shows but the words lack.
  int actual_text_runs = 0;
  std::vector<Bbox> unread_image_text = {};
  double unread_image_share = 0;  // of the page's area
  // OCR: the lines it read on the page (words with origin ocr), their mean confidence (0-100).
  int ocr_lines = 0;
  double ocr_confidence = 0;
  // What the OCR engine's libraries said about the page's image (leptonica's "Error in ...",
  // "Warning in ..."), in the order of the page's regions: a warning, never raw stderr.
  std::vector<std::string> ocr_messages = {};
};

/// A page drawn to be looked at (`kreport show`): 8-bit RGB, three bytes a pixel, rows top to
/// bottom, in the space of the page's words (turned as they were) at `dpi`.
struct RgbImage {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<unsigned char> pixels;
};

/// The image as PNG bytes: no timestamp, no text chunks, so the same image gives the same bytes.
std::string png_bytes(const RgbImage& image);

/// The PDF's info dictionary and version; absent entries stay empty.
struct PdfInfo {
  std::string version;                                           // "1.7"
  std::optional<std::string> producer, creator, title, created;  // created: ISO 8601 UTC
};

/// An open PDF. Pages are read one at a time so memory follows the page, not the document.
class PdfDocument {
 public:
  /// Opens `bytes` (which must outlive the document). Throws Error when the input is empty,
  /// not a PDF, truncated or damaged, encrypted without the right password, or has no pages.
  static PdfDocument open(std::string_view bytes, const std::string& password = {});
  /// Sets up, for the rest of the process, what reading any document needs first: poppler's
  /// global parameters (otherwise made again whenever a document opens with none other open)
  /// and its colour profiles. `batch` calls it before it forks, so no worker makes its own.
  static void prepare_process();

  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  ~PdfDocument();

  int page_count() const;
  PdfInfo info() const;
  /// What is odd about the file but did not stop poppler (a header after the first 1024
  /// bytes, bytes after the last %%EOF): one sentence each, for the record's warnings.
  const std::vector<std::string>& notes() const;
  /// Words of page `number` (1-based) in the order poppler's text flow gives them, with the
  /// text drawn as images read from /ActualText, and by OCR as `ocr` says. Throws Error when
  /// `ocr` is force and this build or machine has no OCR. `ocr_threads` 2 lets a page of many
  /// lines be read by two OCR engines at once (one process per file on a machine with cores
  /// to spare; a batch worker keeps 1, its siblings use the other cores).
  RawPage page(int number, OcrMode ocr = OcrMode::off, int ocr_threads = 1) const;
  /// Page `number` drawn in colour at `dpi`, turned as page() turns its words, so that a
  /// word's box times dpi/72 is where the word is in the picture.
  RgbImage render(int number, double dpi) const;

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace kreport
