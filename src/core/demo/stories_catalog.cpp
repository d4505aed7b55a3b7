// The story workspace's fixed parts: people, the "meetings" field, saved views, and each
// pipeline with its stages and the words its deals are made of. Nothing random here.
#include "stories_catalog_internal.hpp"

namespace pb::stories {
namespace {

Stage open(const char* id, const char* name, const char* color, int probability, int rotting_days) {
  return Stage{id, name, color, probability, StageKind::Open, rotting_days};
}
Stage won(const char* id, const char* name) { return Stage{id, name, "#2fb67c", 100, StageKind::Won, 0}; }
Stage lost(const char* id, const char* name) { return Stage{id, name, "#e0565b", 0, StageKind::Lost, 0}; }

// People, by their index in people(): who works which pipelines.
enum : std::size_t { kMaya, kDaniel, kSofia, kJonas, kPriya, kLena, kTomas };

// Small businesses buy the self-serve plans, large organisations the enterprise deals.
const std::vector<std::string> kSmallCompanies = {
    "Brightside Dental", "Kettle & Crumb Bakery", "Harbor Yoga Studio", "Pinecrest Accounting", "Copperleaf Coffee",
    "Lumen Legal", "Juniper Pet Clinic", "Redwood Realty", "Bluebird Florists", "Summit Bike Repair",
    "Nimbus Print Shop", "Oakline Dentistry", "Willow Tutoring", "Marlow Architects", "Fernhill Vets"};
const std::vector<std::string> kLargeCompanies = {
    "Meridian Insurance Group", "Halcyon Bank", "Vantage Telecom", "Orion Manufacturing", "Stratus Airlines",
    "Bellweather Retail", "Civica Municipal Services", "Tidewater Logistics", "Alder Health System",
    "Northwind Freight", "Keystone University", "Atlas Energy"};
const std::vector<Contact> kBusinessContacts = {
    {"Emily Carter", "emily.carter"},   {"Marcus Johnson", "marcus.johnson"}, {"Aisha Bello", "aisha.bello"},
    {"Kenji Watanabe", "kenji.watanabe"}, {"Laura Schmidt", "laura.schmidt"}, {"Diego Hernández", "diego.hernandez"},
    {"Hannah Lee", "hannah.lee"},       {"Oliver Brooks", "oliver.brooks"},   {"Zoë Martin", "zoe.martin"},
    {"Rahul Mehta", "rahul.mehta"},     {"Chloé Lambert", "chloe.lambert"},   {"Samuel Osei", "samuel.osei"}};
const std::vector<std::string> kAgencyClients = {
    "Fjordline Ferries", "Sonnenhof Hotels", "Vita Nova Clinics", "Kraftwerk Bikes", "Atelier Moreau",
    "Baltic Timber", "Lago Foods", "Helix Biotech", "Stadtwerke Ulm", "Café Central Group", "Aurora Fintech",
    "Brandt & Söhne"};
const std::vector<Contact> kEuropeanContacts = {
    {"Anna Kowalska", "anna.kowalska"},   {"Jürgen Müller", "juergen.mueller"}, {"Sofia Rossi", "sofia.rossi"},
    {"Léa Dubois", "lea.dubois"},         {"Mehmet Çelik", "mehmet.celik"},     {"Ingrid Larsen", "ingrid.larsen"},
    {"Pieter de Vries", "pieter.devries"}, {"Carmen Ruiz", "carmen.ruiz"},      {"Tomasz Nowak", "tomasz.nowak"},
    {"Elena Popescu", "elena.popescu"}};
const std::vector<std::string> kSellerProducts = {"Oak serving board", "Linen apron", "Ceramic pour-over set",
                                                  "Wool throw blanket", "Bamboo cutlery set", "Linen shirt",
                                                  "Cast-iron skillet"};
const std::vector<Contact> kShoppers = {
    {"Julia Weber", "julia.weber"}, {"Max Hoffmann", "max.hoffmann"}, {"Camille Bernard", "camille.bernard"},
    {"Lucas Janssen", "lucas.janssen"}, {"Marta García", "marta.garcia"}, {"Emma Nilsson", "emma.nilsson"},
    {"Noah Fischer", "noah.fischer"}, {"Giulia Ricci", "giulia.ricci"}};

Story smb() {
  Story s;
  s.pipeline = {"smb", "SMB self-serve", "Flowdesk self-serve: free trial to a paid plan in days, a call or two at most",
                "USD",
                {open("smb-trial", "Trial started", "#8ca3ff", 10, 5), open("smb-activated", "Activated", "#5b8def", 30, 5),
                 open("smb-call", "Onboarding call", "#bb9af7", 60, 4), open("smb-checkout", "Checkout", "#f0a030", 85, 3),
                 won("smb-won", "Paid"), lost("smb-lost", "Trial expired")}};
  s.deals_min = 110, s.deals_max = 140, s.closed_percent = 78, s.won_percent = 55;
  s.cycle_min_days = 1, s.cycle_max_days = 14, s.open_age_max_days = 20, s.expect_max_days = 21;
  s.seat_price = {{"Starter", 22'800}, {"Team", 46'800}, {"Business", 94'800}};  // $19, $39, $79 a seat a month, yearly
  s.seats_max = 25;
  s.meetings_min = 0, s.meetings_max = 2;
  s.owners = {kMaya, kMaya, kSofia};
  s.titles = {"{plan} plan – {company}", "{company}: trial to {plan}", "{plan} upgrade – {company}"};
  s.companies = kSmallCompanies;
  s.contacts = kBusinessContacts;
  s.products = {"Flowdesk Cloud"};
  s.plans = {"Starter", "Starter", "Team", "Team", "Business"};
  s.sources = {"Web form", "Webinar", "Google Ads", "Product Hunt", "Referral"};
  s.lost_reasons = {"Too expensive", "Missing feature", "Chose a competitor", "No response after trial"};
  s.notes = {"Asked about the annual discount.", "Imported 2,000 tickets from their old helpdesk.", ""};
  return s;
}

Story enterprise() {
  Story s;
  s.pipeline = {"enterprise", "Enterprise & consulting",
                "Flowdesk Enterprise licences and consulting: security reviews, pilots and procurement over months", "USD",
                {open("ent-qualified", "Qualified", "#9aa5b1", 10, 30), open("ent-discovery", "Discovery", "#7aa2f7", 20, 30),
                 open("ent-workshop", "Demo & workshop", "#bb9af7", 35, 30), open("ent-pilot", "Pilot", "#5b8def", 50, 45),
                 open("ent-proposal", "Proposal", "#e0af68", 65, 30),
                 open("ent-procurement", "Legal & procurement", "#f0a030", 85, 45), won("ent-won", "Signed"),
                 lost("ent-lost", "Lost")}};
  s.deals_min = 45, s.deals_max = 55, s.closed_percent = 60, s.won_percent = 35;
  s.cycle_min_days = 60, s.cycle_max_days = 240, s.open_age_max_days = 300, s.expect_max_days = 180;
  s.value_min = 1'500'000, s.value_max = 42'000'000, s.value_step = 50'000;  // $15k to $420k
  s.meetings_min = 4, s.meetings_max = 15;
  s.owners = {kDaniel, kSofia};
  s.titles = {"{product} – {company}", "{company}: {product}", "{company}: {plan} rollout"};
  s.companies = kLargeCompanies;
  s.contacts = kBusinessContacts;
  s.products = {"Flowdesk Enterprise", "Flowdesk Enterprise", "Implementation", "Data migration", "Custom integration",
                "Training programme"};
  s.plans = {"Enterprise", "Enterprise Plus", ""};
  s.sources = {"Trade show", "Cold call", "Partner", "Referral", "Webinar"};
  s.lost_reasons = {"Chose a competitor", "No budget this year", "Failed security review", "Project postponed",
                    "Went silent"};
  s.notes = {"Security questionnaire returned; SSO and audit log were the key points.",
             "Procurement wants a three-year term with a price cap.", "Champion moved to another team.", ""};
  return s;
}

Story inbound() {
  Story s;
  s.pipeline = {"inbound", "Inbound", "Brightline Digital: leads that found us through web forms, webinars and chat",
                "EUR",
                {open("in-new", "New lead", "#8ca3ff", 10, 2), open("in-qualified", "Qualified", "#5b8def", 25, 5),
                 open("in-call", "Discovery call", "#bb9af7", 45, 7), open("in-proposal", "Proposal sent", "#f0a030", 70, 14),
                 won("in-won", "Won"), lost("in-lost", "Lost")}};
  s.deals_min = 45, s.deals_max = 55, s.closed_percent = 62, s.won_percent = 42;
  s.cycle_min_days = 7, s.cycle_max_days = 45, s.open_age_max_days = 40, s.expect_max_days = 60;
  s.value_min = 250'000, s.value_max = 6'000'000, s.value_step = 25'000;  // €2,500 to €60,000
  s.owners = {kJonas, kJonas, kPriya};
  s.titles = {"{product} – {company}", "{company}: {product}"};
  s.companies = kAgencyClients;
  s.contacts = kEuropeanContacts;
  s.products = {"Website redesign", "SEO retainer", "Paid ads management", "Marketing automation", "Brand workshop"};
  s.plans = {"Monthly retainer", "Project", ""};
  s.sources = {"Web form", "Web form", "Webinar", "Live chat", "Whitepaper download"};
  s.lost_reasons = {"No budget", "Chose a competitor", "No response", "Bad timing"};
  s.notes = {"Came from the webinar on B2B landing pages.", "Wants a proposal before the board meeting.", ""};
  return s;
}

Story outbound() {
  Story s = inbound();
  s.pipeline = {"outbound", "Outbound", "Brightline Digital: leads we went after with cold calls, email campaigns and trade shows",
                "EUR",
                {open("out-target", "Target list", "#9aa5b1", 5, 21), open("out-contacted", "Contacted", "#7aa2f7", 10, 10),
                 open("out-replied", "Replied", "#5b8def", 25, 7), open("out-meeting", "Meeting held", "#bb9af7", 45, 14),
                 open("out-proposal", "Proposal sent", "#f0a030", 65, 21), won("out-won", "Won"), lost("out-lost", "Lost")}};
  s.closed_percent = 60, s.won_percent = 25;
  s.cycle_min_days = 20, s.cycle_max_days = 90, s.open_age_max_days = 75, s.expect_max_days = 90;
  s.owners = {kPriya, kPriya, kJonas};
  s.sources = {"Cold call", "Email campaign", "Email campaign", "Trade show", "LinkedIn outreach"};
  s.lost_reasons = {"Not interested", "No budget", "Chose a competitor", "No response", "Bad timing"};
  s.notes = {"Met at the dmexco booth.", "Replied to the third email of the sequence.", ""};
  return s;
}

Story amazon_fba() {
  Story s;
  s.pipeline = {"amazon-fba", "Amazon FBA", "Nordholz Living: launches and restocks shipped to Amazon's warehouses", "USD",
                {open("fba-planned", "Planned", "#9aa5b1", 10, 21), open("fba-production", "In production", "#7aa2f7", 30, 30),
                 open("fba-shipping", "Shipping to FBA", "#5b8def", 60, 14),
                 open("fba-receiving", "Receiving at FBA", "#f0a030", 85, 7), won("fba-live", "Live & selling"),
                 lost("fba-cancelled", "Cancelled")}};
  s.deals_min = 35, s.deals_max = 45, s.closed_percent = 70, s.won_percent = 75;
  s.cycle_min_days = 14, s.cycle_max_days = 60, s.open_age_max_days = 50, s.expect_max_days = 60;
  s.value_min = 180'000, s.value_max = 3'900'000, s.value_step = 5'000;  // $1,800 to $39,000 of stock
  s.owners = {kLena};
  s.titles = {"Restock: {product}", "Launch: {product}", "Q4 stock-up: {product}"};
  s.contacts = {{"Wei Zhang (supplier)", "wei.zhang"}, {"Mia Schulz (freight)", "mia.schulz"}};
  s.products = kSellerProducts;
  s.sources = {"Amazon.com", "Amazon.com", "Amazon.de", "Amazon.co.uk"};
  s.lost_reasons = {"Supplier delay", "Failed quality check", "Listing suppressed", "Margin too thin"};
  s.notes = {"Carton labels redone after the first inbound was rejected.", "Prep and labelling done by the 3PL.", ""};
  return s;
}

Story web_store() {
  Story s;
  s.pipeline = {"web-store", "Own web store", "Nordholz Living: bulk, wholesale and corporate-gift orders from the shop's quote form",
                "EUR",
                {open("web-request", "Quote requested", "#8ca3ff", 20, 2), open("web-quote", "Quote sent", "#5b8def", 45, 5),
                 open("web-invoice", "Invoice sent", "#f0a030", 80, 7), won("web-paid", "Paid & shipped"),
                 lost("web-abandoned", "Abandoned")}};
  s.deals_min = 40, s.deals_max = 50, s.closed_percent = 75, s.won_percent = 70;
  s.cycle_min_days = 1, s.cycle_max_days = 12, s.open_age_max_days = 14, s.expect_max_days = 21;
  s.value_min = 40'000, s.value_max = 900'000, s.value_step = 500;  // €400 to €9,000
  s.owners = {kLena};
  s.titles = {"{company}: {product} bulk order", "Corporate gifts – {company}", "{company} wholesale: {product}"};
  s.companies = {"Hotel Seeblick", "Kanzlei Brandt", "Café Milano", "Studio Nord", "Feinkost Weber", "Bäckerei Lange",
                 "Concept Store Hygge", "Weingut Keller"};
  s.contacts = kEuropeanContacts;
  s.products = kSellerProducts;
  s.sources = {"Google Shopping", "Instagram", "Newsletter", "Direct"};
  s.lost_reasons = {"Too expensive", "Out of stock", "No reply to the quote", "Payment failed"};
  s.notes = {"Wants the logo engraved on the boards.", "Delivery needed before the Christmas party.", ""};
  return s;
}

Story marketplaces() {
  Story s;
  s.pipeline = {"marketplaces", "Other marketplaces", "Nordholz Living: larger orders and bundles on eBay, Etsy, Zalando and Kaufland",
                "EUR",
                {open("mkt-listed", "Listed", "#9aa5b1", 10, 30), open("mkt-offer", "Offer received", "#5b8def", 40, 2),
                 open("mkt-sold", "Sold, to ship", "#f0a030", 90, 2), won("mkt-delivered", "Delivered"),
                 lost("mkt-returned", "Cancelled / returned")}};
  s.deals_min = 45, s.deals_max = 55, s.closed_percent = 75, s.won_percent = 80;
  s.cycle_min_days = 1, s.cycle_max_days = 14, s.open_age_max_days = 30, s.expect_max_days = 14;
  s.value_min = 6'000, s.value_max = 240'000, s.value_step = 100;  // €60 to €2,400
  s.owners = {kLena};
  s.titles = {"{source} order: {product}", "{source} bundle – {product}", "{product} ×4 via {source}"};
  s.contacts = kShoppers;
  s.products = kSellerProducts;
  s.sources = {"eBay", "Etsy", "Etsy", "Zalando", "Kaufland"};
  s.lost_reasons = {"Returned: not as expected", "Cancelled by buyer", "Lost in transit", "Out of stock"};
  s.notes = {"Buyer asked for gift wrapping.", ""};
  return s;
}

Story past_clients() {
  Story s;
  s.pipeline = {"past-clients", "Past clients", "Casa Almeida, Lisbon: after the sale, referrals and repeat buyers and sellers",
                "EUR",
                {open("pc-keep", "Keep in touch", "#9aa5b1", 5, 120), open("pc-referral", "Referral in", "#8ca3ff", 20, 14),
                 open("pc-viewing", "Valuation / viewing", "#5b8def", 40, 21), open("pc-mandate", "Mandate signed", "#bb9af7", 65, 45),
                 open("pc-offer", "Offer accepted", "#f0a030", 90, 30), won("pc-closed", "Deed signed"),
                 lost("pc-lost", "Went elsewhere")}};
  s.deals_min = 30, s.deals_max = 38, s.closed_percent = 80, s.won_percent = 45;
  s.cycle_min_days = 30, s.cycle_max_days = 150, s.open_age_max_days = 200, s.expect_max_days = 150;
  s.value_min = 750'000, s.value_max = 3'600'000, s.value_step = 10'000;  // the commission: €7,500 to €36,000
  s.owners = {kTomas};
  s.titles = {"{contact}: sell {property}", "{contact}: buy again", "Referral from a past client – {contact}",
              "{contact}: rental management"};
  s.contacts = {{"Joana Ferreira", "joana.ferreira"}, {"Miguel Santos", "miguel.santos"}, {"Inês Costa", "ines.costa"},
                {"Ricardo Oliveira", "ricardo.oliveira"}, {"Catarina Sousa", "catarina.sousa"},
                {"Mark & Ellen Hughes", "hughes.family"}, {"Klaus Becker", "klaus.becker"}, {"Amélie Laurent", "amelie.laurent"}};
  s.products = {"Sale mandate", "Purchase search", "Rental management", "Valuation"};
  s.properties = {"Rua da Rosa 41, 2º Esq, Lisboa", "Avenida da Liberdade 190, 5º, Lisboa", "Rua do Alecrim 12, Lisboa",
                  "Travessa do Carmo 3, Lisboa", "Rua de São Bento 220, Lisboa", "Calçada da Estrela 87, Lisboa",
                  "Rua Castilho 15, 8º Dto, Lisboa", "Largo do Rato 4, 1º, Lisboa", "Rua das Flores 28, Porto"};
  s.sources = {"Referral", "Referral", "Repeat buyer", "Repeat seller", "Anniversary call", "Newsletter"};
  s.lost_reasons = {"Chose another agent", "Plans on hold", "Sold privately", "Moved abroad"};
  s.notes = {"Bought with us in 2021; wants to size up now the twins are older.", "Sent a bottle of port at the deed.", ""};
  return s;
}

nlohmann::json where(const char* field, const char* op, nlohmann::json value) {
  return nlohmann::json{{"field", field}, {"op", op}, {"value", std::move(value)}};
}

}  // namespace

std::vector<Person> people() {
  return {{"u-maya", "Maya Chen", "maya.chen@flowdesk.example"},
          {"u-daniel", "Daniel Okafor", "daniel.okafor@flowdesk.example"},
          {"u-sofia", "Sofia Marques", "sofia.marques@flowdesk.example"},
          {"u-jonas", "Jonas Weber", "jonas.weber@brightline.example"},
          {"u-priya", "Priya Raman", "priya.raman@brightline.example"},
          {"u-lena", "Lena Fischer", "lena.fischer@nordholz.example"},
          {"u-tomas", "Tomás Almeida", "tomas.almeida@casa-almeida.example"}};
}

std::vector<FieldDef> fields() { return {FieldDef{"meetings", "Meetings", FieldType::Number, {}}}; }

std::vector<Story> catalog() {
  return {smb(), enterprise(), inbound(), outbound(), amazon_fba(), web_store(), marketplaces(), past_clients()};
}

std::vector<View> views() {
  using nlohmann::json;
  std::vector<View> v(7);
  // Money filters compare minor units: $50,000.00 is 5,000,000 cents.
  v[0] = {"enterprise-big", "Enterprise deals of $50k+", "enterprise", where("value", "ge", 5'000'000), "stage",
          {SortKey{"value", true}}, {}};
  v[1] = {"smb-by-manager", "SMB by manager", "smb", nullptr, "owner", {SortKey{"updated", true}}, {}};
  v[2] = {"channels-by-source", "Channels by source", "", nullptr, "source", {SortKey{"value", true}}, {}};
  v[3] = {"marketplace-products", "Marketplace products", "marketplaces", nullptr, "product", {}, {}};
  v[4] = {"open-no-close-date", "Open deals without a close date", "",
          json{{"all", json::array({where("status", "eq", "open"), json{{"field", "expected_close"}, {"op", "empty"}}})}},
          "pipeline", {}, {}};
  v[5] = {"past-client-referrals", "Referrals from past clients", "past-clients", where("source", "eq", "Referral"),
          "stage", {SortKey{"expected_close", false}}, {}};
  v[6] = {"why-we-lose", "Why we lose", "", where("status", "eq", "lost"), "lost_reason", {SortKey{"value", true}}, {}};
  return v;
}

}  // namespace pb::stories
