#include "cordon/entity.h"

#include <cstdio>

#include "cordon/match.h"

namespace cordon {

std::string_view SchemaName(Schema schema) {
  switch (schema) {
    case Schema::kPerson: return "Person";
    case Schema::kOrganization: return "Organization";
    case Schema::kCompany: return "Company";
    case Schema::kVessel: return "Vessel";
    case Schema::kAirplane: return "Airplane";
    case Schema::kLegalEntity: break;
  }
  return "LegalEntity";
}

bool IsOrganizationLike(Schema schema) {
  return schema == Schema::kOrganization || schema == Schema::kCompany ||
         schema == Schema::kLegalEntity;
}

std::string_view NameTypeName(NameType type) {
  switch (type) {
    case NameType::kAlias: return "alias";
    case NameType::kFormerName: return "former_name";
    case NameType::kNewName: return "new_name";
    case NameType::kPrimary: break;
  }
  return "primary";
}

std::string_view DocumentTypeName(DocumentType type) {
  switch (type) {
    case DocumentType::kPassport: return "passport";
    case DocumentType::kNationalId: return "national_id";
    case DocumentType::kImo: return "imo";
    case DocumentType::kRegistration: return "registration";
    case DocumentType::kTaxId: return "tax_id";
    case DocumentType::kOther: break;
  }
  return "other";
}

bool KindAllowsSchema(EntityKind kind, Schema schema) {
  switch (kind) {
    case EntityKind::kAny: return true;
    case EntityKind::kPerson: return schema == Schema::kPerson || schema == Schema::kLegalEntity;
    case EntityKind::kOrganization: return IsOrganizationLike(schema);
    case EntityKind::kVessel: return schema == Schema::kVessel;
    case EntityKind::kAircraft: return schema == Schema::kAirplane;
  }
  return true;
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kMatch: return "match";
    case Verdict::kMismatch: return "mismatch";
    case Verdict::kUnknown: break;
  }
  return "unknown";
}

std::string_view AlgorithmName(Algorithm algorithm) {
  return algorithm == Algorithm::kOfacSls ? "ofac" : "cordon";
}

std::string_view MatchStrengthName(MatchStrength strength) {
  switch (strength) {
    case MatchStrength::kExact: return "exact";
    case MatchStrength::kStrong: return "strong";
    case MatchStrength::kMedium: return "medium";
    case MatchStrength::kWeak: break;
  }
  return "weak";
}

std::string PartialDate::ToString() const {
  if (year == 0) return "";
  char buf[48];
  if (year_to > year) {
    std::snprintf(buf, sizeof(buf), "%s%04d..%04d", approximate ? "~" : "", year, year_to);
  } else if (month == 0) {
    std::snprintf(buf, sizeof(buf), "%s%04d", approximate ? "~" : "", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof(buf), "%s%04d-%02d", approximate ? "~" : "", year, month);
  } else {
    std::snprintf(buf, sizeof(buf), "%s%04d-%02d-%02d", approximate ? "~" : "", year, month, day);
  }
  return buf;
}

}  // namespace cordon
