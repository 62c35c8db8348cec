// A page's picture as a raster: the marks drawn into the rendered page by hand (outlines,
// dashes, translucent fills, lines, labels in font.h's bitmap font) and the legend in a
// panel to its right. poppler draws PDFs, not overlays; drawing a few thousand rectangles
// here is a few milliseconds and the same pixels on every machine.
#include <algorithm>
#include <cmath>
#include <string>

#include "font.h"
#include "kreport/show.h"

namespace kreport {
namespace {

struct Canvas {
  RgbImage& image;

  void blend(int x, int y, unsigned rgb, double alpha) {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
    unsigned char* p =
        image.pixels.data() + (static_cast<size_t>(y) * static_cast<size_t>(image.width) + x) * 3;
    for (int c = 0; c < 3; ++c) {
      int v = static_cast<int>((rgb >> (16 - 8 * c)) & 0xFF);
      p[c] = static_cast<unsigned char>(std::lround(p[c] * (1 - alpha) + v * alpha));
    }
  }

  void fill(int x0, int y0, int x1, int y1, unsigned rgb, double alpha) {
    for (int y = std::max(y0, 0); y < std::min(y1, image.height); ++y)
      for (int x = std::max(x0, 0); x < std::min(x1, image.width); ++x) blend(x, y, rgb, alpha);
  }

  // A run of `t` pixels wide along a rectangle's edge, every other 4 pixels when dashed.
  void edge(int x0, int y0, int x1, int y1, int t, unsigned rgb, bool dashed) {
    bool across = y1 - y0 < x1 - x0;  // a horizontal edge
    int n = across ? x1 - x0 : y1 - y0;
    for (int k = 0; k <= n; ++k) {
      if (dashed && (k / 4) % 2 == 1) continue;
      int x = across ? x0 + k : x0, y = across ? y0 : y0 + k;
      for (int d = 0; d < t; ++d) blend(across ? x : x + d, across ? y + d : y, rgb, 0.9);
    }
  }

  void outline(int x0, int y0, int x1, int y1, int t, unsigned rgb, bool dashed) {
    edge(x0, y0, x1, y0, t, rgb, dashed);
    edge(x0, y1 - t + 1, x1, y1 - t + 1, t, rgb, dashed);
    edge(x0, y0, x0, y1, t, rgb, dashed);
    edge(x1 - t + 1, y0, x1 - t + 1, y1, t, rgb, dashed);
  }

  void line(double x0, double y0, double x1, double y1, unsigned rgb) {
    int steps = static_cast<int>(std::max(std::abs(x1 - x0), std::abs(y1 - y0))) + 1;
    for (int k = 0; k <= steps; ++k) {
      double f = static_cast<double>(k) / steps;
      int x = static_cast<int>(std::lround(x0 + (x1 - x0) * f));
      int y = static_cast<int>(std::lround(y0 + (y1 - y0) * f));
      blend(x, y, rgb, 0.9);
      blend(x + 1, y, rgb, 0.9);
    }
  }

  // `text` at (x, y) (its top-left), each glyph pixel `scale` pixels square; returns its width.
  int text(int x, int y, const std::string& s, int scale, unsigned rgb) {
    int at = x;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if ((c & 0xC0) == 0x80) continue;  // one '?' a code point the font has not
      const auto& rows = show::glyph(c < 0x80 ? static_cast<char>(c) : '?');
      for (int r = 0; r < show::kGlyphHeight; ++r)
        for (int col = 0; col < show::kGlyphWidth; ++col)
          if (rows[static_cast<size_t>(r)][col] == '#')
            fill(at + col * scale, y + r * scale, at + (col + 1) * scale, y + (r + 1) * scale, rgb,
                 1.0);
      at += (show::kGlyphWidth + 1) * scale;
    }
    return at - x;
  }
};

int text_width(const std::string& s, int scale) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n * (show::kGlyphWidth + 1) * scale;
}

const MarkStyle& style_of(std::string_view kind) {
  const auto& styles = mark_styles();
  return *std::find_if(styles.begin(), styles.end(),
                       [&](const MarkStyle& s) { return s.kind == kind; });
}

}  // namespace

RgbImage picture_raster(const Picture& picture, const RgbImage& image) {
  double px = image.dpi / 72;  // pixels a point
  int scale = std::max(1, static_cast<int>(std::lround(image.dpi / 96)));
  int row = (show::kGlyphHeight + 5) * scale;
  int legend_w = static_cast<int>(std::lround(190 * px));
  int legend_h = row * static_cast<int>(mark_styles().size() + 3);
  RgbImage out;
  out.dpi = image.dpi;
  out.width = image.width + legend_w;
  out.height = std::max(image.height, legend_h);
  out.pixels.assign(static_cast<size_t>(out.width) * static_cast<size_t>(out.height) * 3, 0xFF);
  for (int y = 0; y < image.height; ++y)
    std::copy_n(image.pixels.begin() + static_cast<long>(y) * image.width * 3, image.width * 3,
                out.pixels.begin() + static_cast<long>(y) * out.width * 3);
  Canvas canvas{out};
  auto at = [&](double v) { return static_cast<int>(std::lround(v * px)); };
  for (const Mark& m : picture.marks) {
    const MarkStyle& s = style_of(m.kind);
    int x0 = at(m.box.x0), y0 = at(m.box.y0), x1 = at(m.box.x1), y1 = at(m.box.y1);
    if (s.fill > 0) canvas.fill(x0, y0, x1, y1, s.rgb, s.fill);
    int t = std::max(1, static_cast<int>(std::lround(s.width * px)));
    canvas.outline(x0, y0, std::max(x1, x0 + t), std::max(y1, y0 + t), t, s.rgb, s.dashed);
  }
  for (const Link& l : picture.links)
    canvas.line(l.x0 * px, l.y0 * px, l.x1 * px, l.y1 * px, style_of(l.kind).rgb);
  for (const Mark& m : picture.marks) {
    if (m.label.empty()) continue;
    const MarkStyle& s = style_of(m.kind);
    // Above the box's corner, where it hides no word of the box (inside at the page's top).
    int h = (show::kGlyphHeight + 1) * scale, x = at(m.box.x0), y = at(m.box.y0) - h;
    if (y < 0) y = at(m.box.y0);
    int w = text_width(m.label, scale) + scale;
    canvas.fill(x, y, x + w, y + h, s.rgb, 0.4);
    canvas.fill(x, y, x + w, y + h, 0xFFFFFF, 0.5);
    canvas.text(x + scale, y + scale / 2, m.label, scale, 0x000000);
  }
  // The legend: each kind's swatch, its stage and meaning, and how many the page has.
  int x = image.width + 6 * scale, y = row;
  canvas.text(x, y, "page " + std::to_string(picture.page) + ": kind (stage) count", scale, 0);
  for (const MarkStyle& s : mark_styles()) {
    y += row;
    int sw = 14 * scale, t = std::max(1, static_cast<int>(std::lround(s.width * px)));
    if (s.fill > 0) canvas.fill(x, y, x + sw, y + 8 * scale, s.rgb, s.fill);
    canvas.outline(x, y, x + sw, y + 8 * scale, t, s.rgb, s.dashed);
    canvas.text(x + sw + 4 * scale, y,
                std::string(s.meaning) + " (" + std::string(s.stage) + ") " +
                    std::to_string(picture.count(s.kind)),
                scale, 0);
  }
  return out;
}

}  // namespace kreport
