// How common a name word is in a general population, not in the lists.
//
// The lists say how often a word occurs among listed parties; they say
// little of how often it occurs among a bank's customers. HUDSON, KING or
// SCHNEIDER are rare in the lists but carried by hundreds of thousands of
// people: an organisation called after one of them ("Hudson Inc") is not
// the listed "Hudson Engineering Ltd". The index lowers such words' weights
// (NameIndex::Build) with the shares a table like this one gives.
#ifndef CORDON_POPULATION_NAME_POPULATION_H_
#define CORDON_POPULATION_NAME_POPULATION_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cordon/status.h"

namespace cordon {

class NamePopulation {
 public:
  NamePopulation() = default;  // empty: every word unknown (share 0)

  // Parses a table. Text format, UTF-8, one record a line:
  //     name <TAB> kind <TAB> share
  // `kind` is "surname" (share of all people), "male" or "female" (share of
  // that sex: half of it counts) or "any" (share of all people); `share` a
  // decimal in (0, 1]. Lines starting with '#' and blank lines are skipped.
  // Names are compared lower-cased (ASCII letters). A name listed under
  // several kinds holds the sum of its shares (JAMES: a given name and a
  // surname). `label` names the table in errors and in version().
  // Errors: DataError naming `label`, the line and the field.
  static Result<NamePopulation> Parse(std::string_view text, const std::string& label);

  // Reads and parses a table file. Errors: those of ReadFile and Parse.
  static Result<NamePopulation> Load(const std::string& path);

  // The table built into cordon: US Census 1990 frequently occurring
  // surnames and given names (data/population/us_census_1990.tsv: 6,494
  // records, 5,911 words). Parsed on every call (about a millisecond).
  static NamePopulation Bundled();

  // Share of people whose name holds this word (lower-case), 0 when the
  // table does not list it.
  double Share(std::string_view word) const;

  size_t size() const { return shares_.size(); }
  // "<label>@<hash of the text, hex>", or "" for the empty table.
  const std::string& version() const { return version_; }

 private:
  std::unordered_map<std::string, double> shares_;
  std::string version_;
};

// Counts how many names carry each word, to write a table NamePopulation
// parses: for instance from a bank's own customer base, which is the
// population its alerts come from. Words are counted once per name.
class NamePopulationCounter {
 public:
  // One name's words, as the index sees them (normalised, lower-case; the
  // caller drops particles and consonant skeletons). Empty words and words
  // NamePopulation would refuse (spaces, tabs, over 64 bytes) are skipped.
  void AddName(const std::vector<std::string>& words);

  size_t names() const { return names_; }

  struct TableOptions {
    // Words fewer names carry are left out: they would weigh about 1
    // anyway, and a table of rare words could identify customers.
    size_t min_count = 5;
    std::string source;  // where the names came from, for the header comment
  };
  // The table: a comment header, then "word<TAB>any<TAB>share" per word,
  // most common first (ties by word). Empty of records when no name was
  // added.
  std::string Table(const TableOptions& options) const;

 private:
  std::unordered_map<std::string, size_t> counts_;
  size_t names_ = 0;
};

}  // namespace cordon

#endif  // CORDON_POPULATION_NAME_POPULATION_H_
