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
  Origin origin = Origin::text;
};

struct RawPage {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  int rotation = 0;  // degrees clockwise: 0, 90, 180, 270
  std::vector<Word> words;
  std::vector<std::string> problems;  // what poppler complained about while reading the page
};

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

  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  ~PdfDocument();

  int page_count() const;
  PdfInfo info() const;
  /// What is odd about the file but did not stop poppler (a header after the first 1024
  /// bytes, bytes after the last %%EOF): one sentence each, for the record's warnings.
  const std::vector<std::string>& notes() const;
  /// Words of page `number` (1-based) in the order poppler's text flow gives them.
  RawPage page(int number) const;

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace kreport
