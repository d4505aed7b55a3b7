// The "story" demo workspace: four small businesses told through eight pipelines, with a year of
// history before `now`, so every board, view and report has something true-looking to show.
//
// - A SaaS company (Flowdesk, USD): "smb" (self-serve, closes in days, a call or two) beside
//   "enterprise" (licences and consulting, months of meetings). The custom Number field
//   "meetings" counts the meetings held: 0-2 for SMB, 4-15 for enterprise.
// - An agency's channels (Brightline Digital, EUR): "inbound" (web forms, webinars, chat) beside
//   "outbound" (cold calls, email campaigns, trade shows), told apart by the deal's source.
// - A seller (Nordholz Living): "amazon-fba" (USD), "web-store" and "marketplaces" (EUR: eBay,
//   Etsy, Zalando, Kaufland).
// - A real-estate agent (Lisbon, EUR): "past-clients", referrals and repeat clients after a sale.
//
// Saved views other code relies on: "enterprise-big", "smb-by-manager", "channels-by-source",
// "marketplace-products". The same (now, seed) always gives the same workspace, on every
// platform and standard library.
#pragma once
#include <cstdint>

#include "model.hpp"

namespace pb {

Workspace make_story_workspace(Timestamp now, std::uint64_t seed = 7);

}  // namespace pb
