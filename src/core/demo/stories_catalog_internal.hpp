// What the story workspace is made of (stories_catalog.cpp): its people, fields and views, and per
// pipeline the shape of its deals. stories.cpp turns the shapes into deals with a seeded RNG.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model.hpp"

namespace pb::stories {

struct Contact {
  std::string name;
  std::string local;  // the email's ASCII local part ("joao.silva"), the domain comes from the company
};

// One pipeline's story: how many deals, how they close, and the words they are made of.
struct Story {
  Pipeline pipeline;  // open stages in order, then its won and its lost stage
  int deals_min = 0, deals_max = 0;
  int closed_percent = 0;        // of its deals: closed in the 12 months before now
  int won_percent = 0;           // of the closed deals past the first 24 (see stories.cpp)
  int cycle_min_days = 0, cycle_max_days = 0;  // created -> closed
  int open_age_max_days = 0;     // open deals were created at most this long ago
  int expect_max_days = 0;       // open deals expect to close at most this far ahead
  std::int64_t value_min = 0, value_max = 0, value_step = 1;  // minor units, skewed to the low end
  // Priced per seat instead, for a deal on one of these plans: seats (1..seats_max) x a seat's yearly price.
  std::map<std::string, std::int64_t> seat_price;
  std::int64_t seats_max = 0;
  int meetings_min = -1, meetings_max = -1;  // the "meetings" field; -1: not set
  std::vector<std::size_t> owners;  // indices into people()
  // Title patterns: {company} {product} {plan} {property} {source} {contact} are filled in.
  std::vector<std::string> titles;
  // Picked from at random; "" among them means "none" sometimes.
  std::vector<std::string> companies, products, plans, properties, sources, lost_reasons, notes;
  std::vector<Contact> contacts;
};

std::vector<Person> people();
std::vector<FieldDef> fields();
std::vector<Story> catalog();
std::vector<View> views();

}  // namespace pb::stories
