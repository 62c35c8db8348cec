// A page's picture as SVG: the page rendered (PNG, base64) under the marks, drawn in page
// points, and a legend beside it. Text compares as text: a golden picture's diff says which
// mark moved. Numbers are printed with one decimal by std::to_chars: no locale, same bytes.
#include <charconv>

#include "kreport/show.h"

namespace kreport {
namespace {

constexpr double kLegendWidth = 240;  // pt: the panel right of the page (45 characters)
constexpr double kLegendRow = 13;     // pt between legend rows

std::string num(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
  std::string s(buf, r.ptr);
  if (s == "-0.0") s = "0.0";
  return s;
}

std::string hex(unsigned rgb) {
  static const char* digits = "0123456789abcdef";
  std::string s = "#";
  for (int shift = 20; shift >= 0; shift -= 4) s += digits[(rgb >> shift) & 0xF];
  return s;
}

// Text for XML: markup escaped, control characters (which XML 1.0 refuses) left out.
std::string xml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
}

std::string base64(std::string_view bytes) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? table[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? table[v & 63] : '=';
  }
  return out;
}

// The CSS of each kind: its colour, line and fill, one rule a kind.
std::string style_sheet() {
  std::string css;
  for (const MarkStyle& s : mark_styles()) {
    css += "." + std::string(s.kind) + "{stroke:" + hex(s.rgb) + ";stroke-width:" + num(s.width);
    css += s.dashed ? ";stroke-dasharray:3 2" : "";
    css += s.fill > 0 ? ";fill:" + hex(s.rgb) + ";fill-opacity:" + num(s.fill) : ";fill:none";
    css += "}\n";
  }
  css += "text{font-family:monospace;font-size:7px}\n";
  css += ".label{fill:#000;stroke:none}\n";
  return css;
}

}  // namespace

std::string picture_svg(const Picture& picture, const RgbImage& image) {
  double w = picture.width, h = picture.height;
  size_t kinds = mark_styles().size();
  double total_h = std::max(h, 30 + kLegendRow * static_cast<double>(kinds + 1));
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(w + kLegendWidth) +
         "pt\" height=\"" + num(total_h) + "pt\" viewBox=\"0 0 " + num(w + kLegendWidth) + " " +
         num(total_h) + "\">\n";
  out += "<title>kreport show: page " + std::to_string(picture.page) + "</title>\n";
  out += "<style>\n" + style_sheet() + "</style>\n";
  out += "<rect x=\"0\" y=\"0\" width=\"" + num(w + kLegendWidth) + "\" height=\"" + num(total_h) +
         "\" fill=\"#fff\" stroke=\"none\"/>\n";
  if (!image.pixels.empty())
    out += "<image x=\"0\" y=\"0\" width=\"" + num(w) + "\" height=\"" + num(h) +
           "\" href=\"data:image/png;base64," + base64(png_bytes(image)) + "\"/>\n";
  for (const Mark& m : picture.marks) {
    out += "<rect class=\"" + std::string(m.kind) + "\" x=\"" + num(m.box.x0) + "\" y=\"" +
           num(m.box.y0) + "\" width=\"" + num(m.box.width()) + "\" height=\"" +
           num(m.box.height()) + "\">";
    if (!m.title.empty()) out += "<title>" + xml(m.title) + "</title>";
    out += "</rect>\n";
  }
  for (const Link& l : picture.links)
    out += "<line class=\"" + std::string(l.kind) + "\" x1=\"" + num(l.x0) + "\" y1=\"" +
           num(l.y0) + "\" x2=\"" + num(l.x1) + "\" y2=\"" + num(l.y1) + "\"/>\n";
  for (const Mark& m : picture.marks)
    if (!m.label.empty())
      out += "<text class=\"label\" x=\"" + num(m.box.x0 + 1) + "\" y=\"" +
             num(m.box.y0 > 8 ? m.box.y0 - 1.5 : m.box.y0 + 6.5) + "\">" + xml(m.label) +
             "</text>\n";
  // The legend: each kind's swatch, its stage and meaning, and how many the page has.
  double x = w + 10, y = 20;
  out += "<text class=\"label\" x=\"" + num(x) + "\" y=\"" + num(y) + "\">page " +
         std::to_string(picture.page) + ": kind (stage) count</text>\n";
  for (const MarkStyle& s : mark_styles()) {
    y += kLegendRow;
    out += "<rect class=\"" + std::string(s.kind) + " key\" x=\"" + num(x) + "\" y=\"" +
           num(y - 7) + "\" width=\"14\" height=\"8\"/>";
    out += "<text class=\"label\" x=\"" + num(x + 18) + "\" y=\"" + num(y) + "\">" +
           xml(s.meaning) + " (" + std::string(s.stage) + ") " +
           std::to_string(picture.count(s.kind)) + "</text>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace kreport
