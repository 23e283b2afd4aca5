#include "payment/pacs008_parser.h"

#include <expat.h>

#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"

namespace cordon {
namespace {

struct ParserDeleter {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

bool IsUpperAlpha(char c) { return c >= 'A' && c <= 'Z'; }
bool IsUpperAlnum(char c) { return IsUpperAlpha(c) || (c >= '0' && c <= '9'); }

bool IsAmount(std::string_view s) {
  if (s.empty() || s.size() > 19) return false;
  bool dot = false;
  size_t digits = 0;
  for (char c : s) {
    if (c == '.') {
      if (dot) return false;
      dot = true;
    } else if (c >= '0' && c <= '9') {
      ++digits;
    } else {
      return false;
    }
  }
  return digits > 0 && s.front() != '.' && s.back() != '.';
}

class Builder {
 public:
  Builder(XML_Parser parser, const Pacs008Limits& limits) : parser_(parser), limits_(limits) {
    out_.format = PaymentFormat::kPacs008;
  }

  static void XMLCALL OnStart(void* self, const XML_Char* name, const XML_Char**) {
    static_cast<Builder*>(self)->Start(name);
  }
  static void XMLCALL OnEnd(void* self, const XML_Char*) { static_cast<Builder*>(self)->End(); }
  static void XMLCALL OnText(void* self, const XML_Char* s, int len) {
    auto* b = static_cast<Builder*>(self);
    if (b->text_.size() < 1 << 20) b->text_.append(s, static_cast<size_t>(len));
  }
  static void XMLCALL OnDoctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<Builder*>(self)->Fail("DOCTYPE declarations are not accepted (entity expansion)", "DOCTYPE");
  }
  static void XMLCALL OnEntityDecl(void* self, const XML_Char* name, int, const XML_Char*, int,
                                   const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
    static_cast<Builder*>(self)->Fail("entity declarations are not accepted", std::string("ENTITY ") + name);
  }

  void Fail(const std::string& message, const std::string& field) {
    if (!fatal_.ok()) return;
    fatal_ = Status::DataError(message, {"", Line(), field});
    XML_StopParser(parser_, XML_FALSE);
  }

  std::string CurrentPath() const { return stack_.empty() ? "XML" : Path(0); }

  ParsedPayment Finish(Status syntax) {
    if (!fatal_.ok()) syntax = fatal_;
    if (!syntax.ok()) {
      ParsedPayment failed;
      failed.format = PaymentFormat::kPacs008;
      failed.reference = out_.reference;
      failed.transactions = out_.transactions;
      failed.status = syntax;
      return failed;
    }
    if (out_.status.ok() && !saw_root_body_) {
      out_.status =
          Status::DataError("not a pacs.008 message: no FIToFICstmrCdtTrf element", {"", 1, "Document"});
    }
    if (out_.status.ok() && !saw_msg_id_) {
      out_.status = Status::DataError("missing message id", {"", 1, "GrpHdr/MsgId"});
    }
    if (out_.status.ok() && out_.transactions == 0) {
      out_.status = Status::DataError("no credit transfer transaction", {"", 1, "CdtTrfTxInf"});
    }
    return std::move(out_);
  }

 private:
  int64_t Line() const { return static_cast<int64_t>(XML_GetCurrentLineNumber(parser_)); }

  static std::string_view Local(const XML_Char* name) {
    std::string_view n(name);
    size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
  }

  std::string Path(size_t from) const {
    std::string p;
    for (size_t i = from; i < stack_.size(); ++i) {
      if (!p.empty()) p.push_back('/');
      p += stack_[i];
    }
    return p;
  }

  std::string Where(const std::string& rel) const {
    if (in_tx_) return "CdtTrfTxInf[" + std::to_string(out_.transactions) + "]/" + rel;
    return "GrpHdr/" + rel;
  }

  void Semantic(const std::string& message, const std::string& field) {
    if (out_.status.ok()) out_.status = Status::DataError(message, {"", Line(), field});
  }

  void Start(const XML_Char* raw) {
    if (!fatal_.ok()) return;
    std::string_view name = Local(raw);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      Fail("elements nested deeper than " + std::to_string(limits_.max_depth) + " levels", Path(0));
      return;
    }
    stack_.emplace_back(name);
    text_.clear();
    const size_t depth = stack_.size();
    if (depth == 1 && name != "Document") {
      Fail("not a pacs.008 message: root element <" + std::string(name) + ">", std::string(name));
    } else if (depth == 2) {
      if (name != "FIToFICstmrCdtTrf") {
        Fail("not a pacs.008 message (FIToFICstmrCdtTrf expected): <" + std::string(name) + ">",
             "Document/" + std::string(name));
        return;
      }
      saw_root_body_ = true;
    } else if (depth == 3) {
      in_tx_ = name == "CdtTrfTxInf";
      in_hdr_ = name == "GrpHdr";
      if (in_tx_) {
        ++out_.transactions;
        has_dbtr_ = has_cdtr_ = false;
      }
    } else if (depth == 4 && in_tx_) {
      if (name == "Dbtr") has_dbtr_ = true;
      if (name == "Cdtr") has_cdtr_ = true;
    }
  }

  void End() {
    if (!fatal_.ok()) return;
    const size_t depth = stack_.size();
    if (depth >= 4 && (in_tx_ || in_hdr_)) Leaf();
    if (depth == 3 && in_tx_) {
      if (!has_dbtr_) Semantic("transaction without a debtor", Where("Dbtr"));
      if (!has_cdtr_) Semantic("transaction without a creditor", Where("Cdtr"));
      in_tx_ = false;
    }
    if (depth == 3) in_hdr_ = false;
    stack_.pop_back();
    text_.clear();
  }

  void Leaf() {
    std::string_view value = TrimAscii(text_);
    const std::string& last = stack_.back();
    // Containers and empty elements: nothing to read (an empty amount is
    // still an error).
    if (value.empty() && last != "IntrBkSttlmAmt") return;
    const std::string rel = Path(3);
    const std::string parent = stack_.size() >= 2 ? stack_[stack_.size() - 2] : "";
    if (in_hdr_ && rel == "MsgId") {
      saw_msg_id_ = !value.empty();
      out_.reference = std::string(value);
      return;
    }
    if (in_tx_ && rel == "PmtId/EndToEndId" && out_.reference.empty()) out_.reference = std::string(value);
    if (last == "IntrBkSttlmAmt" && !IsAmount(value)) {
      Semantic("invalid amount '" + std::string(value.substr(0, 40)) + "'", Where(rel));
      return;
    }
    if (value.empty()) return;
    FieldKind kind;
    if (last == "Nm" && parent != "PstlAdr") {
      kind = FieldKind::kParty;
    } else if ((parent == "PstlAdr" && last == "Ctry") || last == "CtryOfRes" || last == "CtryOfBirth") {
      kind = FieldKind::kCountry;
      if (value.size() != 2 || !IsUpperAlpha(value[0]) || !IsUpperAlpha(value[1])) {
        Semantic(
            "invalid country code '" + std::string(value.substr(0, 40)) + "' (ISO 3166 alpha-2 expected)",
            Where(rel));
      }
    } else if ((parent == "PstlAdr" &&
                (last == "TwnNm" || last == "CtrySubDvsn" || last == "TwnLctnNm" || last == "DstrctNm")) ||
               last == "CityOfBirth") {
      kind = FieldKind::kTown;
    } else if (parent == "PstlAdr" && (last == "AdrLine" || last == "StrtNm")) {
      kind = FieldKind::kFreeText;
    } else if (last == "BICFI" || last == "AnyBIC" || last == "BIC" || last == "BICOrBEI") {
      kind = FieldKind::kBic;
      if (!IsValidBic(value)) Semantic("invalid BIC '" + std::string(value.substr(0, 40)) + "'", Where(rel));
    } else if (last == "IBAN") {
      kind = FieldKind::kIban;
      if (value.size() < 15 || value.size() > 34 || !IsUpperAlpha(value[0]) || !IsUpperAlpha(value[1])) {
        Semantic("invalid IBAN '" + std::string(value.substr(0, 40)) + "'", Where(rel));
      }
    } else if (last == "Ustrd" || last == "AddtlRmtInf" || last == "InstrInf" || last == "AddtlInf") {
      kind = FieldKind::kFreeText;
    } else {
      return;
    }
    PaymentField f;
    f.path = rel;
    f.transaction = in_tx_ ? static_cast<int>(out_.transactions) : 0;
    f.kind = kind;
    f.value = std::string(value);
    f.line = Line();
    out_.fields.push_back(std::move(f));
  }

  XML_Parser parser_;
  Pacs008Limits limits_;
  ParsedPayment out_;
  Status fatal_;
  std::vector<std::string> stack_;
  std::string text_;
  bool in_tx_ = false;
  bool in_hdr_ = false;
  bool has_dbtr_ = false;
  bool has_cdtr_ = false;
  bool saw_root_body_ = false;
  bool saw_msg_id_ = false;
};

}  // namespace

bool IsValidBic(std::string_view bic) {
  if (bic.size() != 8 && bic.size() != 11) return false;
  for (size_t i = 0; i < 6; ++i) {
    if (!IsUpperAlpha(bic[i])) return false;
  }
  for (size_t i = 6; i < bic.size(); ++i) {
    if (!IsUpperAlnum(bic[i])) return false;
  }
  return true;
}

ParsedPayment ParsePacs008(std::string_view xml, const Pacs008Limits& limits) {
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate("UTF-8"));
  if (parser == nullptr) {
    ParsedPayment p;
    p.format = PaymentFormat::kPacs008;
    p.status = Status::Internal("cannot create an XML parser");
    return p;
  }
  Builder builder(parser.get(), limits);
  XML_SetUserData(parser.get(), &builder);
  XML_SetElementHandler(parser.get(), &Builder::OnStart, &Builder::OnEnd);
  XML_SetCharacterDataHandler(parser.get(), &Builder::OnText);
  XML_SetStartDoctypeDeclHandler(parser.get(), &Builder::OnDoctype);
  XML_SetEntityDeclHandler(parser.get(), &Builder::OnEntityDecl);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  Status syntax;
  const size_t kChunk = size_t{1} << 30;
  size_t pos = 0;
  do {
    size_t n = std::min(kChunk, xml.size() - pos);
    bool last = pos + n == xml.size();
    if (XML_Parse(parser.get(), xml.data() + pos, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) !=
        XML_STATUS_OK) {
      if (XML_GetErrorCode(parser.get()) != XML_ERROR_ABORTED) {
        syntax = Status::DataError(
            std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser.get())),
            {"", static_cast<int64_t>(XML_GetCurrentLineNumber(parser.get())), builder.CurrentPath()});
      }
      break;
    }
    pos += n;
  } while (pos < xml.size());
  return builder.Finish(syntax);
}

}  // namespace cordon
