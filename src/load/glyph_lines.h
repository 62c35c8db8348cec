// Text runs drawn as stencil images, made into line images for OCR from the stencils' own
// pixels: no page render, nothing but the runs' ink (no rules, no shading, no neighbours'
// glyph text), each line scaled to the size the engine reads best. Plain data in and out.
#pragma once

#include <memory>
#include <vector>

#include "kreport/geometry.h"
#include "ocr.h"
#include "poppler_core.h"

namespace kreport::load {

/// A stencil with its pixels, placed on the page (points, upright).
struct PlacedMask {
  Bbox box;
  std::shared_ptr<const core::Mask> mask;
};

/// A line of runs: the union of their boxes (points), and the tallest run's height, which
/// says the line's font size (a run's box is about 1.1 font sizes tall).
struct RunLine {
  Bbox box;
  double run_height = 0;
};

/// Groups run boxes (points) into lines, top to bottom.
std::vector<RunLine> run_lines(std::vector<Bbox> runs);

/// `line`'s box padded for OCR (points): tesseract reads a line better with some margin.
Bbox padded(const RunLine& line);

/// Lines painted one under another into one image, each scaled so that its font size is
/// kOcrEmPixels; `regions` are where each line is (pixels, in `lines` order).
struct LineStrip {
  GrayImage image;
  std::vector<OcrRegion> regions;
  std::vector<Bbox> boxes;     // each region's padded line box on the page (points)
  std::vector<double> scales;  // each region's pixels per point
};

/// The strip of `lines`, painted from `masks` (those overlapping each line's box).
LineStrip paint_lines(const std::vector<RunLine>& lines, const std::vector<PlacedMask>& masks);

/// `lines` read from `strip`, moved to the page: boxes in pixels at `dpi` of the page.
std::vector<OcrLine> lines_on_page(std::vector<OcrLine> lines, const LineStrip& strip, int dpi);

/// True when every run box lies on the masks: then the strip holds all their ink.
bool masks_cover(const std::vector<Bbox>& runs, const std::vector<PlacedMask>& masks);

}  // namespace kreport::load
