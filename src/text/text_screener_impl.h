// The TextScreener implementation, visible to the payment screener (which
// reuses its gazetteer for structured country fields).
#ifndef CORDON_TEXT_TEXT_SCREENER_IMPL_H_
#define CORDON_TEXT_TEXT_SCREENER_IMPL_H_

#include <string>
#include <string_view>
#include <vector>

#include "cordon/text.h"
#include "text/gazetteer.h"
#include "text/party_finder.h"

namespace cordon {

class TextScreenerImpl : public TextScreener {
 public:
  explicit TextScreenerImpl(const Engine& engine);

  Result<TextReport> Screen(std::string_view utf8, const TextOptions& options) const override;
  Result<TextReport> ScreenFile(const std::string& path, const TextOptions& options) const override;

  // Screens one piece of a document (offsets shifted by `base`), appending
  // to *report the mentions that start in `own` (the rest of the piece is
  // context shared with the neighbouring pieces) and remembering surnames
  // in *memory. REQUIRES: Validate(options).
  Status Piece(std::string_view text, size_t base, PartyFinder::Range own, const TextOptions& options,
               SurnameMemory* memory, TextReport* report) const;
  // The whole of `text` is its own part (one field of a payment message).
  Status Piece(std::string_view text, size_t base, const TextOptions& options, SurnameMemory* memory,
               TextReport* report) const {
    return Piece(text, base, PartyFinder::Range{}, options, memory, report);
  }
  Status Validate(const TextOptions& options) const;

  const Gazetteer& gazetteer() const { return places_; }
  const std::vector<ListVersion>& versions() const { return versions_; }

 private:
  const Engine& engine_;
  PartyFinder parties_;
  Gazetteer places_;
  std::vector<ListVersion> versions_;
};

}  // namespace cordon

#endif  // CORDON_TEXT_TEXT_SCREENER_IMPL_H_
