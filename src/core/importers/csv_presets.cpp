#include <algorithm>
#include <string_view>

#include "csv_presets_internal.hpp"

namespace pb::detail {
namespace {

using T = CsvTarget;
struct Synonym {
  std::string_view header;  // normalised (normalise_header)
  CsvTarget target;
};

// Any file: the usual English names and a few German, French and Spanish ones. Pipeboard's own
// export headers (csv_export.cpp) are among them, so its files map back with no choices.
constexpr Synonym kGeneric[] = {
    {"title", T::Title}, {"name", T::Title}, {"deal", T::Title}, {"deal name", T::Title}, {"deal title", T::Title},
    {"opportunity", T::Title}, {"opportunity name", T::Title}, {"subject", T::Title}, {"titel", T::Title},
    {"titre", T::Title}, {"título", T::Title}, {"titulo", T::Title}, {"nombre", T::Title}, {"nom", T::Title},
    {"value", T::Value}, {"amount", T::Value}, {"price", T::Value}, {"deal value", T::Value}, {"revenue", T::Value},
    {"betrag", T::Value}, {"wert", T::Value}, {"montant", T::Value}, {"valeur", T::Value}, {"importe", T::Value},
    {"valor", T::Value}, {"monto", T::Value},
    {"currency", T::Currency}, {"currency of value", T::Currency}, {"währung", T::Currency}, {"devise", T::Currency},
    {"monnaie", T::Currency}, {"moneda", T::Currency}, {"divisa", T::Currency},
    {"pipeline", T::Pipeline}, {"sales pipeline", T::Pipeline}, {"funnel", T::Pipeline}, {"board", T::Pipeline},
    {"stage", T::Stage}, {"deal stage", T::Stage}, {"list", T::Stage}, {"phase", T::Stage}, {"stufe", T::Stage},
    {"étape", T::Stage}, {"etape", T::Stage}, {"etapa", T::Stage}, {"fase", T::Stage}, {"stagename", T::Stage},
    {"stage name", T::Stage},
    {"status", T::Status}, {"state", T::Status}, {"deal status", T::Status}, {"statut", T::Status},
    {"estado", T::Status},
    {"owner", T::Owner}, {"deal owner", T::Owner}, {"assigned to", T::Owner}, {"assignee", T::Owner},
    {"sales rep", T::Owner}, {"owner name", T::Owner}, {"besitzer", T::Owner}, {"verantwortlich", T::Owner},
    {"propriétaire", T::Owner}, {"responsable", T::Owner}, {"propietario", T::Owner},
    {"owner email", T::OwnerEmail},
    {"company", T::Company}, {"organization", T::Company}, {"organisation", T::Company}, {"account", T::Company},
    {"account name", T::Company}, {"firma", T::Company}, {"unternehmen", T::Company}, {"société", T::Company},
    {"entreprise", T::Company}, {"empresa", T::Company}, {"organization name", T::Company},
    {"contact", T::ContactName}, {"contact name", T::ContactName}, {"contact person", T::ContactName},
    {"person", T::ContactName}, {"kontakt", T::ContactName}, {"ansprechpartner", T::ContactName},
    {"contacto", T::ContactName},
    {"email", T::ContactEmail}, {"e-mail", T::ContactEmail}, {"contact email", T::ContactEmail},
    {"email address", T::ContactEmail}, {"correo", T::ContactEmail},
    {"product", T::Product}, {"produkt", T::Product}, {"produit", T::Product}, {"producto", T::Product},
    {"plan", T::Plan}, {"subscription plan", T::Plan},
    {"property", T::Property},
    {"source", T::Source}, {"source channel", T::Source}, {"lead source", T::Source}, {"leadsource", T::Source},
    {"channel", T::Source}, {"quelle", T::Source}, {"origine", T::Source}, {"origen", T::Source},
    {"expected close", T::ExpectedClose}, {"expected close date", T::ExpectedClose}, {"close date", T::ExpectedClose},
    {"closedate", T::ExpectedClose}, {"closing date", T::ExpectedClose}, {"abschlussdatum", T::ExpectedClose},
    {"date de clôture", T::ExpectedClose}, {"fecha de cierre", T::ExpectedClose},
    {"created", T::Created}, {"created at", T::Created}, {"create date", T::Created}, {"created date", T::Created},
    {"createddate", T::Created}, {"date created", T::Created}, {"deal created", T::Created}, {"erstellt", T::Created},
    {"créé le", T::Created}, {"creado", T::Created},
    {"updated", T::Updated}, {"updated at", T::Updated}, {"last modified", T::Updated},
    {"last modified date", T::Updated}, {"lastmodifieddate", T::Updated}, {"update time", T::Updated},
    {"won time", T::WonTime}, {"won date", T::WonTime}, {"won at", T::WonTime},
    {"lost time", T::LostTime}, {"lost date", T::LostTime}, {"lost at", T::LostTime},
    {"lost reason", T::LostReason}, {"reason lost", T::LostReason}, {"closed lost reason", T::LostReason},
    {"loss reason", T::LostReason}, {"verlustgrund", T::LostReason}, {"raison de la perte", T::LostReason},
    {"notes", T::Notes}, {"note", T::Notes}, {"description", T::Notes}, {"comments", T::Notes}, {"comment", T::Notes},
    {"notizen", T::Notes}, {"beschreibung", T::Notes}, {"remarques", T::Notes}, {"notas", T::Notes},
    {"descripción", T::Notes},
    {"id", T::Id}, {"record id", T::Id}, {"deal id", T::Id},
    {"isclosed", T::IsClosed}, {"is closed", T::IsClosed}, {"iswon", T::IsWon}, {"is won", T::IsWon},
};

// Headers that name each tool's export (normalised); three of them and the file is that tool's.
constexpr std::string_view kPipedrive[] = {"deal - title", "deal - value", "deal - currency of value",
                                           "deal - stage", "deal - status", "deal - owner", "currency of value",
                                           "deal created", "won time", "lost time", "contact person", "organization"};
constexpr std::string_view kHubspot[] = {"record id", "deal name", "deal stage", "deal owner", "create date",
                                         "close date", "closed lost reason"};
constexpr std::string_view kSalesforce[] = {"stagename", "isclosed", "iswon", "closedate", "createddate",
                                            "forecastcategory", "leadsource", "accountid"};

// Salesforce columns kept out of custom fields: ids of other records, system times, derived flags.
constexpr std::string_view kSalesforceSkip[] = {
    "isdeleted", "accountid", "campaignid", "hasopportunitylineitem", "pricebook2id", "ownerid", "createdbyid",
    "lastmodifiedbyid", "systemmodstamp", "lastactivitydate", "fiscalquarter", "fiscalyear", "fiscal",
    "lastvieweddate", "lastreferenceddate", "hasopenactivity", "hasoverduetask", "forecastcategory"};

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

template <std::size_t N>
std::size_t count_in(const std::string_view (&list)[N], const std::vector<std::string>& headers) {
  return static_cast<std::size_t>(std::count_if(headers.begin(), headers.end(), [&](const std::string& h) { return in(list, h); }));
}

CsvTarget lookup(std::string_view h) {
  for (const auto& s : kGeneric)
    if (s.header == h) return s.target;
  return T::Skip;
}

// Targets a file takes once: a second "Name" column is a custom field, not a second title.
bool single(CsvTarget t) { return t != T::Skip && t != T::Custom; }

std::string_view type_of(CsvKind k) {
  switch (k) {
    case CsvKind::Number: return "number";
    case CsvKind::Money: return "money";
    case CsvKind::Date:
    case CsvKind::Time: return "date";
    default: return "text";
  }
}

}  // namespace

std::string custom_header(std::string_view name, std::string_view type) {
  return std::string(name) + " [" + std::string(type) + "]";
}

bool parse_custom_header(std::string_view header, std::string& name, std::string& type) {
  if (header.size() < 4 || header.back() != ']') return false;
  const std::size_t open = header.rfind(" [");
  if (open == std::string_view::npos || open == 0) return false;
  const std::string_view t = header.substr(open + 2, header.size() - open - 3);
  if (t != "text" && t != "number" && t != "money" && t != "date" && t != "choice") return false;
  name = std::string(header.substr(0, open));
  type = std::string(t);
  return true;
}

CsvSuggestion suggest_columns(const std::vector<std::string>& headers, const std::vector<CsvKind>& kinds) {
  std::vector<std::string> norm;
  for (const auto& h : headers) norm.push_back(normalise_header(h));
  CsvSuggestion out;
  if (count_in(kPipedrive, norm) >= 3) out.preset = "pipedrive";
  else if (count_in(kSalesforce, norm) >= 3) out.preset = "salesforce";
  else if (count_in(kHubspot, norm) >= 3) out.preset = "hubspot";

  std::vector<bool> taken(static_cast<std::size_t>(T::Custom) + 1, false);
  bool custom_typed = false;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    std::string h = norm[i];
    CsvColumnMapping col;
    col.column = headers[i];
    const CsvKind kind = i < kinds.size() ? kinds[i] : CsvKind::Text;
    if (h.rfind("deal - ", 0) == 0) h.erase(0, 7);  // Pipedrive: "Deal - Title"
    CsvTarget t = lookup(h);
    if (out.preset == "pipedrive" && h == "currency") t = T::Currency;
    if (out.preset == "hubspot" && h == "amount in company currency") t = T::Skip;
    if (out.preset == "salesforce" && (h == "name" || h == "product c")) t = h == "name" ? T::Title : T::Product;
    std::string name, type;
    if (parse_custom_header(headers[i], name, type)) {
      col.target = T::Custom, col.field = name, col.type = type;
      custom_typed = true;
    } else if (single(t) && !taken[static_cast<std::size_t>(t)]) {
      col.target = t;
      taken[static_cast<std::size_t>(t)] = true;
    } else if (kind == CsvKind::Empty || (out.preset == "salesforce" && in(kSalesforceSkip, h)) || h.empty()) {
      col.target = T::Skip;
    } else {
      col.target = T::Custom, col.field = headers[i], col.type = std::string(type_of(kind));
    }
    out.columns.push_back(std::move(col));
  }
  if (out.preset.empty() && custom_typed) out.preset = "pipeboard";
  return out;
}

}  // namespace pb::detail
