// Line images from the runs' own stencils. Word draws a run it cannot embed the font of as a
// 600-dpi 1-bit mask; a page rendered at 300 dpi for OCR costs a full render and hands the
// engine the page's rules, shading and neighbouring text with each line. Here each line is
// painted from the masks under it alone, at a scale set by its own font size: small print
// is enlarged and headings shrunk to the size tesseract reads best, instead of one page dpi.
#include "glyph_lines.h"
#include "image_text.h"

#include <algorithm>
#include <cmath>

namespace kreport::load {
namespace {

// Run boxes this close (in their heights) along one line are read as one region.
constexpr double kJoinGapEm = 1.0;
// Padding around a region, in its height: tesseract reads a line better with some margin.
constexpr double kRegionPadEm = 0.25;
// Pixels per font size a line is painted at: tesseract reads best with capital letters about
// 30 px tall (Willus Dotkom's measurements, cited in tesseract's ImproveQuality), and a
// capital is about 0.7 of the font size. A 10-pt line at 300 dpi is 42 px per font size too.
constexpr double kOcrEmPixels = 42;
// Scale limits (pixels per point): a line of a fraction of a point or of a poster's size is
// not worth a huge or a one-pixel image.
constexpr double kMinScale = 0.5, kMaxScale = 16;
// A line image is at most this wide (pixels): wider lines are painted smaller.
constexpr int kMaxLinePixels = 12000;
// White rows between lines in the strip (they are read one rectangle at a time).
constexpr int kStripGap = 4;
// Samples per pixel side at most when a mask is finer than the line image.
constexpr int kMaxSamples = 4;

bool overlaps(const Bbox& a, const Bbox& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// Paints `m` into the line at `top` of `image` (`box` on the page at `scale` px per point),
// keeping the darker of what is there and the mask's coverage of each pixel.
void paint(GrayImage& image, int top, int width, int height, const Bbox& box, double scale,
           const PlacedMask& m) {
  const core::Mask& mask = *m.mask;
  double mx = mask.width / m.box.width(), my = mask.height / m.box.height();  // mask px per pt
  int k = std::clamp(static_cast<int>(std::ceil(std::max(mx, my) / scale)), 1, kMaxSamples);
  int x_from = std::max(0, static_cast<int>(std::floor((m.box.x0 - box.x0) * scale)));
  int x_to = std::min(width, static_cast<int>(std::ceil((m.box.x1 - box.x0) * scale)));
  int y_from = std::max(0, static_cast<int>(std::floor((m.box.y0 - box.y0) * scale)));
  int y_to = std::min(height, static_cast<int>(std::ceil((m.box.y1 - box.y0) * scale)));
  if (x_from >= x_to || y_from >= y_to) return;
  // The mask column (row) of each sample column (row), -1 off the mask.
  auto samples = [&](int from, int to, double origin, double mask_origin, double per_pt, int size) {
    std::vector<int> at;
    at.reserve(static_cast<size_t>((to - from) * k));
    for (int p = from; p < to; ++p)
      for (int s = 0; s < k; ++s) {
        double pt = origin + (p + (s + 0.5) / k) / scale;
        auto i = static_cast<int>(std::floor((pt - mask_origin) * per_pt));
        at.push_back(i >= 0 && i < size ? i : -1);
      }
    return at;
  };
  std::vector<int> cols = samples(x_from, x_to, box.x0, m.box.x0, mx, mask.width);
  std::vector<int> rows = samples(y_from, y_to, box.y0, m.box.y0, my, mask.height);
  int area = k * k;
  for (int y = y_from; y < y_to; ++y) {
    unsigned char* out = image.pixels.data() + static_cast<size_t>(top + y) * image.width;
    for (int x = x_from; x < x_to; ++x) {
      int hits = 0;
      for (int sy = 0; sy < k; ++sy) {
        int r = rows[static_cast<size_t>((y - y_from) * k + sy)];
        if (r < 0) continue;
        const unsigned char* row = mask.ink.data() + static_cast<size_t>(r) * mask.width;
        for (int sx = 0; sx < k; ++sx) {
          int c = cols[static_cast<size_t>((x - x_from) * k + sx)];
          hits += c >= 0 && row[c];
        }
      }
      auto gray = static_cast<unsigned char>(255 - (255 * hits + area / 2) / area);
      out[x] = std::min(out[x], gray);
    }
  }
}

}  // namespace

std::vector<RunLine> run_lines(std::vector<Bbox> runs) {
  std::sort(runs.begin(), runs.end(),
            [](const Bbox& a, const Bbox& b) { return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0; });
  std::vector<RunLine> lines;
  for (const Bbox& r : runs) {
    auto joins = [&](const RunLine& l) {
      double overlap = std::min(l.box.y1, r.y1) - std::max(l.box.y0, r.y0);
      double gap = std::max(r.x0 - l.box.x1, l.box.x0 - r.x1);
      return overlap > 0.5 * std::min(l.box.height(), r.height()) &&
             gap < kJoinGapEm * std::max(l.box.height(), r.height());
    };
    auto it = std::find_if(lines.begin(), lines.end(), joins);
    if (it != lines.end()) {
      it->box = it->box.united(r);
      it->run_height = std::max(it->run_height, r.height());
    } else {
      lines.push_back({r, r.height()});
    }
  }
  return lines;
}

Bbox padded(const RunLine& line) {
  double pad = kRegionPadEm * line.box.height();
  return {line.box.x0 - pad, line.box.y0 - pad, line.box.x1 + pad, line.box.y1 + pad};
}

LineStrip paint_lines(const std::vector<RunLine>& lines, const std::vector<PlacedMask>& masks) {
  LineStrip strip;
  std::vector<std::pair<int, int>> sizes;
  int width = 1, height = 0;
  for (const RunLine& line : lines) {
    Bbox box = padded(line);
    double scale = kOcrEmPixels * kRunHeightEm / std::max(line.run_height, 1e-3);
    scale = std::clamp(scale, kMinScale, kMaxScale);
    scale = std::min(scale, kMaxLinePixels / std::max(box.width(), 1e-3));
    int w = std::max(1, static_cast<int>(std::ceil(box.width() * scale)));
    int h = std::max(1, static_cast<int>(std::ceil(box.height() * scale)));
    strip.regions.push_back({0, height, w, height + h, true});
    strip.boxes.push_back(box);
    strip.scales.push_back(scale);
    sizes.push_back({w, h});
    width = std::max(width, w);
    height += h + kStripGap;
  }
  GrayImage& image = strip.image;
  image.width = width;
  image.height = std::max(1, height);
  image.pixels.assign(static_cast<size_t>(image.width) * image.height, 255);
  for (size_t i = 0; i < lines.size(); ++i)
    for (const PlacedMask& m : masks)
      if (m.mask && overlaps(m.box, strip.boxes[i]))
        paint(image, strip.regions[i].y0, sizes[i].first, sizes[i].second, strip.boxes[i],
              strip.scales[i], m);
  return strip;
}

std::vector<OcrLine> lines_on_page(std::vector<OcrLine> lines, const LineStrip& strip, int dpi) {
  double px = dpi / 72.0;
  for (OcrLine& l : lines) {
    double cy = (l.y0 + l.y1) / 2.0;
    size_t i = 0;  // the region the line's middle is in (the nearest, past the last)
    while (i + 1 < strip.regions.size() && cy >= strip.regions[i].y1) ++i;
    if (strip.regions.empty()) break;
    const OcrRegion& r = strip.regions[i];
    const Bbox& box = strip.boxes[i];
    double s = strip.scales[i];
    auto x = [&](int v) { return static_cast<int>(std::lround((box.x0 + (v - r.x0) / s) * px)); };
    auto y = [&](int v) { return static_cast<int>(std::lround((box.y0 + (v - r.y0) / s) * px)); };
    l.x0 = x(l.x0), l.x1 = x(l.x1), l.y0 = y(l.y0), l.y1 = y(l.y1);
  }
  return lines;
}

bool masks_cover(const std::vector<Bbox>& runs, const std::vector<PlacedMask>& masks) {
  return std::all_of(runs.begin(), runs.end(), [&](const Bbox& r) {
    return std::any_of(masks.begin(), masks.end(), [&](const PlacedMask& m) {
      double x = r.center_x(), y = r.center_y();
      return m.mask && x >= m.box.x0 && x <= m.box.x1 && y >= m.box.y0 && y <= m.box.y1;
    });
  });
}

}  // namespace kreport::load
