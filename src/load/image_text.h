// Text drawn as images in tagged PDFs: read from the structure tree's /ActualText, placed by
// the boxes of the images, and merged into poppler's word flow. Plain data in, words out.
#pragma once

#include <vector>

#include "kreport/load.h"
#include "poppler_core.h"

namespace kreport::load {

/// A run image is about this many font sizes tall: Hangul ink fills 0.82 of the height of
/// Word's run images (Mirae 2024, eBest 2021: 9.5 of 11.6 pt, 25 of 30.7, 38.9 of 48.2) and a
/// Hangul syllable is about 0.9 em tall, so the image is the em box plus a little padding.
inline constexpr double kRunHeightEm = 1.1;

/// The marked-content ids that drew stencil images and no glyphs: where the page's text may
/// be images. Empty on untagged pages and on pages whose images are all pictures.
std::vector<int> image_text_mcids(const core::PageText& page);

struct ImageText {
  std::vector<Word> words;   // origin actual_text, in the structure tree's order
  std::vector<Bbox> unread;  // stencil runs that no /ActualText stands for
  int runs = 0;              // image runs read from /ActualText
};

/// Words from the /ActualText of the image runs in `blocks`. `images` and `glyph_mcids`
/// are the page's (boxes already turned upright, as the words will be).
ImageText read_image_text(const std::vector<core::MarkedImage>& images,
                          const std::vector<int>& glyph_mcids,
                          const std::vector<core::TreeBlock>& blocks);

/// The words of one line of text drawn in `box` (split at its spaces, the box shared by the
/// characters' advances), of font size box height / `height_em`.
std::vector<Word> words_of_line(const std::string& text, const Bbox& box, double height_em,
                                Origin origin);

/// Puts each of `extra` into `flow` right after the word it follows on its line (or before
/// the word it precedes), else at the end: layout builds lines from neighbours in the flow.
void merge_into_flow(std::vector<Word>& flow, const std::vector<Word>& extra);

}  // namespace kreport::load
