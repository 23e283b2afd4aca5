#include "payment/mt103_parser.h"

#include <string>
#include <vector>

#include "base/utf8.h"
#include "payment/pacs008_parser.h"

namespace cordon {
namespace {

struct RawField {
  std::string tag;  // "50K"
  std::vector<std::string> lines;
  int64_t line = 0;
};

int64_t LineAt(std::string_view text, size_t pos) {
  int64_t n = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) n += text[i] == '\n';
  return n;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool ValidDate(std::string_view d) {
  if (d.size() != 6) return false;
  for (char c : d) {
    if (!IsDigit(c)) return false;
  }
  int month = (d[2] - '0') * 10 + (d[3] - '0');
  int day = (d[4] - '0') * 10 + (d[5] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// :32A: YYMMDD + currency + amount with a decimal comma ("230915EUR1234,56").
bool Valid32A(std::string_view v) {
  if (v.size() < 10 || !ValidDate(v.substr(0, 6))) return false;
  for (size_t i = 6; i < 9; ++i) {
    if (v[i] < 'A' || v[i] > 'Z') return false;
  }
  std::string_view amount = v.substr(9);
  if (amount.empty() || amount.size() > 15 || amount.front() == ',') return false;
  int commas = 0;
  for (char c : amount) {
    if (c == ',')
      ++commas;
    else if (!IsDigit(c))
      return false;
  }
  return commas == 1;
}

void AddField(ParsedPayment* out, std::string path, FieldKind kind, std::string value, int64_t line) {
  std::string_view v = TrimAscii(value);
  if (v.empty()) return;
  PaymentField f;
  f.path = std::move(path);
  f.transaction = 1;
  f.kind = kind;
  f.value = std::string(v);
  f.line = line;
  out->fields.push_back(std::move(f));
}

std::string Join(const std::vector<std::string>& lines, size_t from) {
  std::string s;
  for (size_t i = from; i < lines.size(); ++i) {
    if (!s.empty()) s.push_back('\n');
    s += lines[i];
  }
  return s;
}

void Semantic(ParsedPayment* out, const std::string& message, const std::string& field, int64_t line) {
  if (out->status.ok()) out->status = Status::DataError(message, {"", line, field});
}

// A party or institution field (50a, 59a, 52a-57a).
void PartyField(const RawField& f, ParsedPayment* out) {
  const std::string path = ":" + f.tag + ":";
  const char option = f.tag.size() == 3 ? f.tag[2] : ' ';
  std::vector<std::string> lines = f.lines;
  size_t first = 0;
  // An account line: "/DE89370400440532013000" or "//CH1234".
  if (!lines.empty() && !lines[0].empty() && lines[0][0] == '/') {
    std::string account = lines[0].substr(lines[0][1] == '/' ? 2 : 1);
    // The country letters of an IBAN.
    if (account.size() >= 15 && account[0] >= 'A' && account[0] <= 'Z' && account[1] >= 'A' &&
        account[1] <= 'Z' && IsDigit(account[2]) && IsDigit(account[3])) {
      AddField(out, path, FieldKind::kIban, account, f.line);
    }
    first = 1;
  }
  if (option == 'A') {
    if (first < lines.size()) {
      std::string bic(TrimAscii(lines[first]));
      if (!IsValidBic(bic)) Semantic(out, "invalid BIC '" + bic.substr(0, 40) + "'", path, f.line + first);
      AddField(out, path, FieldKind::kBic, bic, f.line + static_cast<int64_t>(first));
    }
    return;
  }
  if (option == 'F') {
    // Structured: "1/name", "2/address", "3/CC/town", others (ids, dates).
    std::string name;
    for (size_t i = first; i < lines.size(); ++i) {
      const std::string& l = lines[i];
      if (l.size() < 2 || l[1] != '/') continue;
      std::string rest = l.substr(2);
      int64_t line = f.line + static_cast<int64_t>(i);
      if (l[0] == '1') {
        name += (name.empty() ? "" : " ") + rest;
      } else if (l[0] == '2') {
        AddField(out, path, FieldKind::kFreeText, rest, line);
      } else if (l[0] == '3') {
        std::string cc = rest.substr(0, 2);
        if (cc.size() != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') {
          Semantic(out, "invalid country code in '" + l.substr(0, 40) + "'", path, line);
        } else {
          AddField(out, path, FieldKind::kCountry, cc, line);
        }
        if (rest.size() > 3) AddField(out, path, FieldKind::kTown, rest.substr(3), line);
      } else if (l[0] == '4' || l[0] == '5') {
        // 4/ birth date, 5/ birth place "CC/town".
        if (l[0] == '5' && rest.size() > 3) AddField(out, path, FieldKind::kTown, rest.substr(3), line);
      }
    }
    AddField(out, path, FieldKind::kParty, name, f.line + static_cast<int64_t>(first));
    return;
  }
  if (option == 'B' || option == 'C') return;  // location or account only
  // Options K, D and none: name on the first line, then address lines.
  if (first < lines.size()) {
    AddField(out, path, FieldKind::kParty, lines[first], f.line + static_cast<int64_t>(first));
    if (first + 1 < lines.size()) {
      AddField(out, path, FieldKind::kFreeText, Join(lines, first + 1),
               f.line + static_cast<int64_t>(first) + 1);
    }
  }
}

}  // namespace

ParsedPayment ParseMt103(std::string_view text) {
  ParsedPayment out;
  out.format = PaymentFormat::kMt103;
  out.transactions = 1;
  if (!IsValidUtf8(text)) {
    size_t bad = FindInvalidUtf8(text);
    out.status = Status::DataError("invalid UTF-8 (binary data?) at byte " + std::to_string(bad),
                                   {"", LineAt(text, bad), ""});
    return out;
  }
  // Blocks 1 and 2: the sender and receiver BICs.
  size_t b4 = text.find("{4:");
  std::string_view header = text.substr(0, b4 == std::string_view::npos ? text.size() : b4);
  size_t b1 = header.find("{1:");
  if (b1 != std::string_view::npos && header.size() >= b1 + 18) {
    // {1:F01BANKBEBBAXXX0000000000}: app id, service id, 12-char LT address.
    std::string lt(header.substr(b1 + 6, 12));
    if (lt.size() == 12) {
      std::string bic = lt.substr(0, 8) + lt.substr(9, 3);
      if (!IsValidBic(bic)) {
        Semantic(&out, "invalid sender address '" + lt + "' in block 1", "{1:}", LineAt(text, b1));
      }
      AddField(&out, "{1:}", FieldKind::kBic, bic, LineAt(text, b1));
    }
  }
  size_t b2 = header.find("{2:");
  if (b2 != std::string_view::npos) {
    std::string_view block2 = header.substr(b2 + 3);
    block2 = block2.substr(0, block2.find('}'));
    if (block2.size() >= 4) {
      std::string_view type = block2.substr(1, 3);
      if (type != "103") {
        out.status = Status::DataError("not an MT103: block 2 names MT" + std::string(type),
                                       {"", LineAt(text, b2), "{2:}"});
        return out;
      }
      // Input: I103 + receiver LT address (12); output: O103 + time, date, sender...
      if (block2[0] == 'I' && block2.size() >= 16) {
        std::string lt(block2.substr(4, 12));
        std::string bic = lt.substr(0, 8) + lt.substr(9, 3);
        AddField(&out, "{2:}", FieldKind::kBic, bic, LineAt(text, b2));
        if (!IsValidBic(bic))
          Semantic(&out, "invalid receiver address '" + lt + "' in block 2", "{2:}", LineAt(text, b2));
      }
    }
  }
  std::string_view body;
  int64_t body_line = 1;
  if (b4 != std::string_view::npos) {
    size_t start = b4 + 3;
    size_t end = text.find("\n-}", start);
    size_t end_len = 3;
    if (end == std::string_view::npos) {
      end = text.find("-}", start);
      end_len = 2;
    }
    if (end == std::string_view::npos) {
      out.status = Status::DataError("block 4 is not terminated by \"-}\"", {"", LineAt(text, b4), "{4:}"});
      return out;
    }
    (void)end_len;
    body = text.substr(start, end - start);
    body_line = LineAt(text, start);
  } else if (b1 == std::string_view::npos && text.find(":20:") != std::string_view::npos) {
    body = text;  // bare text block
  } else {
    out.status = Status::DataError("no text block {4: in the message", {"", 1, "{4:}"});
    return out;
  }
  // Fields: lines starting with ":TAG:"; other lines continue the field.
  std::vector<RawField> fields;
  size_t pos = 0;
  int64_t line = body_line;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    std::string_view l = body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.size() >= 4 && l[0] == ':' && IsDigit(l[1]) && IsDigit(l[2])) {
      size_t colon = l.find(':', 3);
      if (colon == std::string_view::npos || colon > 4) {
        Semantic(&out, "malformed field tag in '" + std::string(l.substr(0, 20)) + "'", "{4:}", line);
      } else {
        RawField f;
        f.tag = std::string(l.substr(1, colon - 1));
        f.lines.emplace_back(l.substr(colon + 1));
        f.line = line;
        fields.push_back(std::move(f));
      }
    } else if (!TrimAscii(l).empty()) {
      if (fields.empty()) {
        out.status = Status::DataError("text before the first field: '" + std::string(l.substr(0, 20)) + "'",
                                       {"", line, "{4:}"});
        return out;
      }
      fields.back().lines.emplace_back(l);
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    ++line;
  }
  bool has20 = false, has23 = false, has32 = false, has50 = false, has59 = false;
  for (const RawField& f : fields) {
    const std::string path = ":" + f.tag + ":";
    const std::string& t = f.tag;
    if (t == "20") {
      has20 = true;
      out.reference = std::string(TrimAscii(f.lines[0]));
      if (out.reference.empty() || out.reference.size() > 16) {
        Semantic(&out, "reference must be 1-16 characters", path, f.line);
      }
    } else if (t == "23B") {
      has23 = true;
    } else if (t == "32A") {
      has32 = true;
      if (!Valid32A(TrimAscii(f.lines[0]))) {
        Semantic(
            &out,
            "invalid value date/currency/amount '" + std::string(TrimAscii(f.lines[0]).substr(0, 30)) + "'",
            path, f.line);
      }
    } else if (t.rfind("50", 0) == 0) {
      has50 = true;
      PartyField(f, &out);
    } else if (t.rfind("59", 0) == 0) {
      has59 = true;
      PartyField(f, &out);
    } else if (t.size() >= 2 && t[0] == '5' && t[1] >= '2' && t[1] <= '7') {
      PartyField(f, &out);
    } else if (t == "70" || t == "72" || t == "77B") {
      AddField(&out, path, FieldKind::kFreeText, Join(f.lines, 0), f.line);
    }
  }
  if (!has20) Semantic(&out, "missing mandatory field", ":20:", body_line);
  if (!has23) Semantic(&out, "missing mandatory field", ":23B:", body_line);
  if (!has32) Semantic(&out, "missing mandatory field", ":32A:", body_line);
  if (!has50) Semantic(&out, "missing mandatory field (ordering customer)", ":50a:", body_line);
  if (!has59) Semantic(&out, "missing mandatory field (beneficiary)", ":59a:", body_line);
  return out;
}

}  // namespace cordon
