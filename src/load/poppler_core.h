// The one door to poppler's core API (Debian's libpoppler-private-dev: unstable between
// releases, so poppler_core.cc is the only file that includes its headers). What passes
// through here is plain data: the rest of src/load never sees a poppler type.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreport/geometry.h"
#include "kreport/load.h"

namespace kreport::core {

/// One word of poppler's text flow (a TextWord), in the display space of the page drawn at
/// 72 dpi without its /Rotate (y down).
struct FlowWord {
  std::string text;  // UTF-8
  Bbox bbox;
  int rotation = 0;  // quarter turns clockwise of the word's baseline
  std::string font;  // as the PDF names it, subset prefix included
  double size = 0;
  bool space_after = false;
  bool space_drawn_after =
      false;  // a space glyph is drawn right after it (Word does so at line ends)
};

/// A stencil's pixels at its own resolution, upright in display space: row 0 at the top of
/// its box, column 0 at the left; 1 where it paints.
struct Mask {
  int width = 0, height = 0;
  std::vector<unsigned char> ink;  // width * height, row by row
};

/// An image drawn inside a marked-content sequence of the page's own content (tagged PDFs).
struct MarkedImage {
  int mcid = -1;
  Bbox bbox;             // display space, like FlowWord
  Bbox ink;              // the painted part of a stencil's mask (else the whole box)
  bool stencil = false;  // one flat colour through a 1-bit mask: how text runs become images
  // The stencil's pixels, when asked for (Document::page's `masks`) and drawn square to the
  // page: what OCR reads a run from, at the run's own resolution.
  std::shared_ptr<const Mask> mask;
};

/// A page as poppler reads it.
struct PageText {
  bool readable = false;  // false: the page tree has no such page object
  int rotate = 0;         // the page's /Rotate: 0, 90, 180 or 270
  double crop_width = 0, crop_height = 0;
  std::vector<FlowWord> words;        // in poppler's reading-order flow
  Drawing drawing;                    // display space, like FlowWord
  std::vector<MarkedImage> images;    // tagged PDFs only
  std::vector<int> glyph_mcids;       // sorted: the marked-content ids that drew glyphs
  std::vector<std::string> problems;  // poppler's error messages while reading the page
};

/// What the structure tree says about a stretch of a block element (P, H1, TD, ...): either
/// an element with /ActualText (which stands for all content under it) or one marked-content
/// sequence without any.
struct TreeItem {
  std::optional<std::string> actual_text;  // UTF-8
  std::vector<int> mcids;                  // its marked-content ids on the page asked about
  bool has_content = false;                // it marks content somewhere (on any page)
  bool figure = false;                     // inside a Figure or Formula: an image meant as one
};

/// A block element's items in document order.
using TreeBlock = std::vector<TreeItem>;

/// A page rendered for OCR: 8-bit gray, one byte a pixel, rows top to bottom.
struct GrayImage {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
};

/// `image` encoded by poppler's PNG writer (libpng): pixel size from its dpi, nothing else.
std::string png_of(const RgbImage& image);

/// poppler's global parameters and colour profiles, made now and kept until the process ends.
void prepare_process();

/// An open PDF through poppler's PDFDoc.
class Document {
 public:
  /// Opens `bytes` (which must outlive the document). Throws Error when poppler cannot parse
  /// it, it is encrypted without the right password, or it has no pages.
  static std::unique_ptr<Document> open(std::string_view bytes, const std::string& password);
  ~Document();

  int page_count() const;
  PdfInfo info() const;
  /// With `masks`, the stencils' pixels are kept (MarkedImage::mask), up to a cap a page.
  PageText page(int number, bool masks = false) const;
  /// Page `number` rendered in gray at `dpi`, in the display space of its words.
  GrayImage render(int number, int dpi) const;
  /// Page `number` rendered in colour at `dpi`, in the display space of its words (not turned).
  RgbImage render_rgb(int number, double dpi) const;
  /// The structure tree's blocks that mark any of `mcids` on page `number`, in the order of
  /// their first MCID. Empty when the PDF has no usable structure tree.
  std::vector<TreeBlock> tree_blocks(int number, const std::vector<int>& mcids) const;

 private:
  struct Impl;
  explicit Document(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kreport::core
