// The load stage on plain data: text drawn as images read back from /ActualText items, and
// the text encodings kept from poppler-cpp (records stay byte-identical).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

#include "../../src/load/image_text.h"
#include "../../src/load/ocr.h"
#include "../../src/load/text_codec.h"

namespace kreport::load {
namespace {

using core::MarkedImage;
using core::TreeBlock;
using core::TreeItem;

// A run item: /ActualText over one marked-content id.
TreeItem run(const std::string& text, int mcid) {
  return {text, {mcid}, true, false};
}
// Word's " " span: text with no content.
TreeItem space() {
  return {" ", {}, false, false};
}
// A stencil image of marked-content id `mcid` whose ink fills its box.
MarkedImage stencil(int mcid, double x0, double y0, double x1, double y1) {
  return {mcid, {x0, y0, x1, y1}, {x0, y0, x1, y1}, true, nullptr};
}

std::vector<std::string> texts(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const Word& w : words) out.push_back(w.text + (w.space_after ? "|" : ""));
  return out;
}

TEST(ImageText, RunsOfOneBlockJoinWithoutSpacesAndSpansGiveThem) {
  // eBest 2021, page 1: "카카오", " ", "(", "03572", "0)" (Word splits runs mid-token).
  std::vector<MarkedImage> images = {stencil(5, 240, 100, 300, 130), stencil(6, 305, 113, 310, 129),
                                     stencil(7, 310, 113, 340, 129),
                                     stencil(8, 340, 113, 350, 129)};
  TreeBlock block = {run("카카오", 5), space(),      run("(", 6),
                     run("03572", 7),  run("0)", 8), space()};
  ImageText got = read_image_text(images, {}, {block});
  EXPECT_EQ(texts(got.words), (std::vector<std::string>{"카카오|", "(035720)|"}));
  EXPECT_EQ(got.runs, 4);
  EXPECT_EQ(got.words[1].origin, Origin::actual_text);
  EXPECT_DOUBLE_EQ(got.words[1].bbox.x0, 305);
  EXPECT_DOUBLE_EQ(got.words[1].bbox.x1, 350);
  EXPECT_NEAR(got.words[1].size, 16 / 1.1, 1e-9);  // from the image height
}

TEST(ImageText, OverlappingRunsNeverMakeASpace) {
  // Neighbouring run images overlap by padding: still one word when no span says otherwise.
  std::vector<MarkedImage> images = {stencil(1, 100, 10, 130, 22), stencil(2, 125, 10, 140, 22)};
  ImageText got = read_image_text(images, {}, {{run("410", 1), run(",500", 2)}});
  EXPECT_EQ(texts(got.words), (std::vector<std::string>{"410,500"}));
}

TEST(ImageText, ASpaceInsideARunSplitsItsBoxByCharacterWidths) {
  std::vector<MarkedImage> images = {stencil(1, 0, 0, 100, 12)};
  ImageText got = read_image_text(images, {}, {{run("ab 가나", 1)}});
  ASSERT_EQ(texts(got.words), (std::vector<std::string>{"ab|", "가나"}));
  // Advances: a, b, space 0.55 each; Hangul 1.0 each: 3.65 in all.
  EXPECT_NEAR(got.words[0].bbox.x1, 100 * 1.1 / 3.65, 1e-9);
  EXPECT_NEAR(got.words[1].bbox.x0, 100 * 1.65 / 3.65, 1e-9);
}

TEST(ImageText, ARunOnTheNextLineStartsANewWord) {
  // The paragraph wrapped inside a word: "상" at a line's end, "부" at the next line's start.
  std::vector<MarkedImage> images = {stencil(1, 500, 10, 520, 22), stencil(2, 200, 27, 220, 39)};
  ImageText got = read_image_text(images, {}, {{run("상", 1), run("부", 2)}});
  EXPECT_EQ(texts(got.words), (std::vector<std::string>{"상", "부"}));
}

TEST(ImageText, ContentTheTextLayerHasIsNotReadTwice) {
  // Marked-content 2 drew glyphs: its /ActualText is already in poppler's words.
  std::vector<MarkedImage> images = {stencil(1, 0, 0, 30, 12)};
  ImageText got = read_image_text(images, {2}, {{run("목표주가", 1), run("410,500", 2)}});
  EXPECT_EQ(texts(got.words), (std::vector<std::string>{"목표주가"}));
  EXPECT_EQ(got.runs, 1);
}

TEST(ImageText, StencilRunsWithoutActualTextAreUnreadButFiguresAreNot) {
  std::vector<MarkedImage> images = {stencil(1, 0, 0, 30, 12), stencil(2, 0, 20, 30, 32)};
  TreeItem bare = {std::nullopt, {1}, true, false};
  TreeItem picture = {std::nullopt, {2}, true, true};
  ImageText got = read_image_text(images, {}, {{bare}, {picture}});
  EXPECT_TRUE(got.words.empty());
  ASSERT_EQ(got.unread.size(), 1u);
  EXPECT_DOUBLE_EQ(got.unread[0].y0, 0);
}

TEST(ImageText, ImageTextMcidsAreStencilsThatDrewNoGlyphs) {
  core::PageText page;
  page.images = {stencil(3, 0, 0, 1, 1), stencil(4, 0, 0, 1, 1), stencil(3, 1, 0, 2, 1)};
  page.images.push_back({5, {0, 0, 9, 9}, {0, 0, 9, 9}, false, nullptr});  // a photo
  page.glyph_mcids = {4};
  EXPECT_EQ(image_text_mcids(page), (std::vector<int>{3}));
}

Word word(const std::string& text, double x0, double x1, double y0 = 0, double y1 = 10) {
  Word w;
  w.text = text;
  w.bbox = {x0, y0, x1, y1};
  w.size = 9;
  return w;
}

TEST(ImageText, MergedWordsGoBesideTheirNeighboursOnTheLine) {
  // The text layer has "11,790" (a digit run in a TrueType font); the label and the unit
  // around it are images. A line lower down has no text-layer words at all.
  std::vector<Word> flow = {word("11,790", 100, 130), word("other", 300, 330, 50, 60)};
  std::vector<Word> extra = {word("현재주가", 60, 95), word("원", 131, 140),
                             word("아래", 40, 60, 80, 90), word("줄", 62, 70, 80, 90)};
  merge_into_flow(flow, extra);
  EXPECT_EQ(texts(flow),
            (std::vector<std::string>{"현재주가", "11,790", "원", "other", "아래", "줄"}));
}

TEST(TextCodec, Utf8PrefixStopsWherePopplerCppStopped) {
  EXPECT_EQ(utf8_prefix("abc"), 3u);
  EXPECT_EQ(utf8_prefix(std::string("ab\0c", 4)), 2u);  // a C string ends at NUL
  EXPECT_EQ(utf8_prefix("가\xED\xA0\x80z"), 3u);        // a surrogate stops iconv
  EXPECT_EQ(utf8_prefix("a\xC0\xAF"), 1u);              // overlong
  EXPECT_EQ(utf8_prefix("a\xE0\x80"), 1u);              // cut short
  EXPECT_EQ(utf8_prefix("\xF0\x9F\x98\x80!"), 5u);      // beyond the BMP is fine
}

TEST(TextCodec, InfoStringsDecodeAsPopplerCppDecodedThem) {
  EXPECT_EQ(info_text("\xFE\xFF\xBB\xF8\xCF\x54"), "미코");  // UTF-16BE after its BOM
  EXPECT_EQ(info_text("\xFF\xFE\xF8\xBB"), "미");            // UTF-16LE after its BOM
  EXPECT_EQ(info_text("caf\xE9"), "café");                   // else one byte, one character
  EXPECT_EQ(info_text(std::string("\xFE\xFF\x00\x41\xDC\x00", 6)), "A");  // a lone surrogate
}

// Reads each region as one line naming the region and the engine that read it. An engine
// told to wait for another reads nothing until that one has read a region (at most 10 s), so
// that a test sees both at work however the threads are scheduled.
class FakeEngine : public OcrEngine {
 public:
  explicit FakeEngine(std::string name, FakeEngine* wait_for = nullptr)
      : name_(std::move(name)), wait_for_(wait_for) {}
  std::vector<OcrRegion> find_lines(const GrayImage&, int) override { return {}; }
  std::vector<OcrLine> read(const GrayImage&, int, const std::vector<OcrRegion>& regions) override {
    if (wait_for_) {
      std::unique_lock<std::mutex> lock(wait_for_->mu_);
      wait_for_->cv_.wait_for(lock, std::chrono::seconds(10), [&] { return wait_for_->read_; });
    }
    std::vector<OcrLine> out;
    for (const OcrRegion& r : regions) {
      out.push_back({std::to_string(r.y0) + " " + name_, r.x0, r.y0, r.x1, r.y1, 90});
      said_.push_back("Warning in fake: region " + std::to_string(r.y0));
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      read_ = true;
    }
    cv_.notify_all();
    return out;
  }
  std::vector<std::string> take_messages() override { return std::exchange(said_, {}); }

 private:
  std::string name_;
  std::vector<std::string> said_;
  FakeEngine* wait_for_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool read_ = false;
};

std::vector<std::string> texts_of(const std::vector<OcrLine>& lines) {
  std::vector<std::string> out;
  for (const OcrLine& l : lines) out.push_back(l.text);
  return out;
}

TEST(Ocr, ManyRegionsAreReadByTwoEnginesInTheirOrder) {
  std::vector<OcrRegion> regions;
  for (int i = 0; i < 20; ++i) regions.push_back({0, i * 10, 100, i * 10 + 8, true});
  FakeEngine second("second");
  FakeEngine first("first", &second);
  GrayImage image;
  std::vector<std::string> messages;
  auto lines = read_lines(
      first, image, 300, regions, [&] { return &second; }, messages);
  ASSERT_EQ(lines.size(), 20u);
  // The engines' messages (leptonica's, in use) in the regions' order too, whoever read them.
  ASSERT_EQ(messages.size(), 20u);
  for (size_t i = 0; i < messages.size(); ++i)
    EXPECT_EQ(messages[i], "Warning in fake: region " + std::to_string(i * 10));
  int by_first = 0, by_second = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string y = std::to_string(i * 10) + " ";
    EXPECT_EQ(lines[i].text.substr(0, y.size()), y);  // in the regions' order
    (lines[i].text.ends_with("first") ? by_first : by_second) += 1;
  }
  EXPECT_GT(by_second, 0);  // the first engine waited until the second had read one
  EXPECT_EQ(by_first + by_second, 20);
  // No second engine (none loads, or the page has few lines): the first reads them all.
  FakeEngine alone("first");
  lines = read_lines(
      alone, image, 300, regions, [] { return static_cast<OcrEngine*>(nullptr); }, messages);
  EXPECT_EQ(texts_of(lines).back(), "190 first");
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [](const OcrLine& l) { return l.text.ends_with("first"); }),
            20);
  regions.resize(3);
  lines = read_lines(
      alone, image, 300, regions, [&] { return &second; }, messages);
  EXPECT_EQ(texts_of(lines), (std::vector<std::string>{"0 first", "10 first", "20 first"}));
}

}  // namespace
}  // namespace kreport::load

namespace kreport::load {
namespace {

TEST(Ocr, LinesBecomeWordsInPoints) {
  std::vector<OcrLine> lines = {{"목표주가 95,000원", 300, 600, 900, 650, 91}};
  std::vector<Word> words = ocr_words(lines, 300);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].text, "목표주가");
  EXPECT_TRUE(words[0].space_after);
  EXPECT_EQ(words[1].origin, Origin::ocr);
  EXPECT_DOUBLE_EQ(words[0].bbox.x0, 72);
  EXPECT_DOUBLE_EQ(words[1].bbox.x1, 216);
  EXPECT_DOUBLE_EQ(words[0].size, 12);  // 50 px at 300 dpi, one font size tall
}

TEST(Ocr, RunBoxesJoinIntoPaddedLineRegions) {
  // Two runs of one line (an overlap of padding) and one run of the next line.
  std::vector<Bbox> runs = {{100, 100, 150, 112}, {148, 100, 200, 112}, {100, 130, 140, 142}};
  std::vector<OcrRegion> regions = line_regions(runs, 72, 1000, 1000);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0].x0, 97);  // 100 - a quarter of 12 pt
  EXPECT_EQ(regions[0].x1, 204);
  EXPECT_EQ(regions[0].y0, 97);
  EXPECT_TRUE(regions[0].single_line);
  EXPECT_EQ(regions[1].y0, 127);
}

}  // namespace
}  // namespace kreport::load

#include "../../src/load/glyph_lines.h"

namespace kreport::load {
namespace {

// A `w` x `h` mask whose ink is where `inked(x, y)` says.
std::shared_ptr<const core::Mask> mask_of(int w, int h,
                                          const std::function<bool(int, int)>& inked) {
  auto m = std::make_shared<core::Mask>();
  m->width = w, m->height = h;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) m->ink.push_back(inked(x, y) ? 1 : 0);
  return m;
}

unsigned char pixel(const GrayImage& image, int x, int y) {
  return image.pixels[static_cast<size_t>(y) * image.width + x];
}

TEST(GlyphLines, RunsGroupIntoLinesSizedByTheirTallestRun) {
  std::vector<RunLine> lines =
      run_lines({{148, 100, 200, 113}, {100, 100, 150, 111}, {100, 130, 140, 141}});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_DOUBLE_EQ(lines[0].box.x0, 100);
  EXPECT_DOUBLE_EQ(lines[0].box.x1, 200);
  EXPECT_DOUBLE_EQ(lines[0].run_height, 13);
  EXPECT_DOUBLE_EQ(lines[1].box.y0, 130);
}

TEST(GlyphLines, EachLineIsPaintedAtTheSizeTesseractReadsBest) {
  // A 10-pt line (an 11-pt run box) and a 20-pt heading: both 42 px a font size in the strip.
  std::vector<RunLine> lines = {{{100, 100, 200, 111}, 11}, {{100, 200, 200, 222}, 22}};
  LineStrip strip = paint_lines(lines, {});
  ASSERT_EQ(strip.regions.size(), 2u);
  EXPECT_DOUBLE_EQ(strip.scales[0], 4.2);  // px per pt
  EXPECT_DOUBLE_EQ(strip.scales[1], 2.1);
  // Padded by a quarter of the line's height on each side: 105.5 pt x 16.5 pt at 4.2 px/pt.
  EXPECT_EQ(strip.regions[0].x1 - strip.regions[0].x0, 444);
  EXPECT_EQ(strip.regions[0].y1 - strip.regions[0].y0, 70);
  EXPECT_GT(strip.regions[1].y0, strip.regions[0].y1);  // one under the other
  EXPECT_EQ(strip.regions[1].y1 - strip.regions[1].y0, 70);
  EXPECT_TRUE(std::all_of(strip.image.pixels.begin(), strip.image.pixels.end(),
                          [](unsigned char p) { return p == 255; }));  // no masks: blank
}

TEST(GlyphLines, OnlyTheInkOfTheMasksUnderALineIsPainted) {
  // A 600-dpi mask (8.33 px a point) over 100-112 pt whose left half is ink, and a mask on
  // another line that must not show in this one.
  std::vector<PlacedMask> masks = {
      {{100, 100, 112, 111}, mask_of(100, 92, [](int x, int) { return x < 50; })},
      {{100, 300, 112, 311}, mask_of(100, 92, [](int, int) { return true; })}};
  LineStrip strip = paint_lines({{{100, 100, 112, 111}, 11}}, masks);
  ASSERT_EQ(strip.regions.size(), 1u);
  double s = strip.scales[0];
  auto at = [&](double x_pt, double y_pt) {
    return pixel(strip.image, static_cast<int>((x_pt - strip.boxes[0].x0) * s),
                 static_cast<int>((y_pt - strip.boxes[0].y0) * s));
  };
  EXPECT_EQ(at(103, 105), 0);    // the inked half
  EXPECT_EQ(at(109, 105), 255);  // the blank half
  EXPECT_EQ(at(99, 105), 255);   // the padding
  EXPECT_TRUE(masks_cover({{100, 100, 112, 111}}, masks));
  EXPECT_FALSE(masks_cover({{100, 100, 112, 111}, {400, 100, 420, 111}}, masks));
}

TEST(GlyphLines, LinesReadInTheStripGoBackToThePage) {
  std::vector<RunLine> lines = {{{100, 100, 200, 111}, 11}, {{100, 200, 200, 222}, 22}};
  LineStrip strip = paint_lines(lines, {});
  const OcrRegion& r = strip.regions[1];
  // A line read 21 px (10 pt at 2.1 px/pt) into the second region, 42 px tall (20 pt).
  std::vector<OcrLine> read = {{"제목", r.x0 + 21, r.y0 + 21, r.x0 + 63, r.y0 + 63, 90}};
  std::vector<OcrLine> page = lines_on_page(read, strip, 72);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].x0, static_cast<int>(std::lround(strip.boxes[1].x0 + 10)));
  EXPECT_EQ(page[0].y0, static_cast<int>(std::lround(strip.boxes[1].y0 + 10)));
  EXPECT_EQ(page[0].y1, static_cast<int>(std::lround(strip.boxes[1].y0 + 30)));
}

}  // namespace
}  // namespace kreport::load
