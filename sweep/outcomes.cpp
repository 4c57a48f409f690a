#include "sweep/outcomes.hpp"

namespace parley {

namespace {

const char* kind_name(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::Agreement:
      return "agreement";
    case OutcomeKind::RoundOfAgreement:
      return "round_of_agreement";
    case OutcomeKind::Utility:
      return "utility";
    case OutcomeKind::Ceasefire:
      return "ceasefire";
    case OutcomeKind::Victory:
      return "victory";
    case OutcomeKind::StillFighting:
      return "still_fighting";
    case OutcomeKind::WarEndRound:
      return "war_end_round";
    case OutcomeKind::WarCost:
      return "war_cost";
    case OutcomeKind::Implemented:
      return "implemented";
  }
  return "";
}

}  // namespace

bool OutcomeDef::binary() const {
  return kind == OutcomeKind::Agreement || kind == OutcomeKind::Ceasefire ||
         kind == OutcomeKind::Victory || kind == OutcomeKind::StillFighting;
}

std::vector<OutcomeDef> sweep_outcomes(const SweepLayout& l) {
  std::vector<OutcomeDef> out;
  for (std::size_t t = 0; t < l.tracks.size(); ++t) {
    out.push_back({OutcomeKind::Agreement, static_cast<int>(t)});
    out.push_back({OutcomeKind::RoundOfAgreement, static_cast<int>(t)});
  }
  for (std::size_t p = 0; p < l.parties.size(); ++p)
    out.push_back({OutcomeKind::Utility, -1, static_cast<int>(p)});
  if (l.war.battlefield) {
    out.push_back({OutcomeKind::Ceasefire});
    out.push_back({OutcomeKind::Victory, -1, l.war.up});
    out.push_back({OutcomeKind::Victory, -1, l.war.down});
    out.push_back({OutcomeKind::StillFighting});
    out.push_back({OutcomeKind::WarEndRound});
  }
  for (std::size_t c = 0; c < l.war.costs.size(); ++c)
    out.push_back({OutcomeKind::WarCost, -1, l.war.costs[c].party, static_cast<int>(c)});
  for (std::size_t i = 0; i < l.implementation.size(); ++i)
    for (std::size_t p = 0; p < l.parties.size(); ++p)
      out.push_back({OutcomeKind::Implemented, -1, static_cast<int>(p), -1, static_cast<int>(i)});
  return out;
}

std::pair<int, int> outcome_runs(const OutcomeDef& o) {
  switch (o.kind) {
    case OutcomeKind::RoundOfAgreement:
      return {1, o.track};
    case OutcomeKind::WarEndRound:
      return {2, 0};
    case OutcomeKind::Implemented:
      return {3, o.item};
    default:
      return {0, 0};
  }
}

bool outcome_value(const OutcomeDef& o, const SweepLayout& l, const RunResult& r, double& y) {
  const WorldResult& w = r.world;
  switch (o.kind) {
    case OutcomeKind::Agreement:
      y = r.tracks[o.track].status == TrackStatus::Agreed ? 1.0 : 0.0;
      return true;
    case OutcomeKind::RoundOfAgreement:
      if (r.tracks[o.track].status != TrackStatus::Agreed) return false;
      y = r.tracks[o.track].round;
      return true;
    case OutcomeKind::Utility:
      y = r.parties[o.party].utility;
      return true;
    case OutcomeKind::Ceasefire:
      y = w.ceasefire ? 1.0 : 0.0;
      return true;
    case OutcomeKind::Victory:
      y = w.victor == o.party ? 1.0 : 0.0;
      return true;
    case OutcomeKind::StillFighting:
      y = !w.ceasefire && w.victor < 0 ? 1.0 : 0.0;
      return true;
    case OutcomeKind::WarEndRound:
      if (w.end_round < 0) return false;
      y = w.end_round;
      return true;
    case OutcomeKind::WarCost: {
      const auto& c = l.war.costs[o.cost];
      const auto& costs = r.parties[c.party].war_costs;
      y = static_cast<std::size_t>(c.kind) < costs.size() ? costs[c.kind] : 0.0;
      return true;
    }
    case OutcomeKind::Implemented: {
      const ImplementationResult& item = r.implementation[o.item];
      if (!item.signed_) return false;
      y = item.fraction[o.party];
      return true;
    }
  }
  return false;
}

std::string outcome_key(const OutcomeDef& o, const SweepLayout& l) {
  std::string key = kind_name(o.kind);
  if (o.item >= 0) key += "." + l.implementation[o.item].id;
  if (o.track >= 0) key += "." + l.tracks[o.track].id;
  if (o.party >= 0) key += "." + l.parties[o.party].id;
  if (o.cost >= 0) key += "." + l.war.kinds[l.war.costs[o.cost].kind].id;
  return key;
}

std::string outcome_label(const OutcomeDef& o, const SweepLayout& l) {
  const std::string party = o.party >= 0 ? l.parties[o.party].id : std::string();
  switch (o.kind) {
    case OutcomeKind::Agreement:
      return "agreement on " + l.tracks[o.track].id;
    case OutcomeKind::RoundOfAgreement:
      return "round of agreement on " + l.tracks[o.track].id;
    case OutcomeKind::Utility:
      return party + "'s utility";
    case OutcomeKind::Ceasefire:
      return "war ended in a ceasefire";
    case OutcomeKind::Victory:
      return "war ended in " + party + "'s victory";
    case OutcomeKind::StillFighting:
      return "war still on at the end";
    case OutcomeKind::WarEndRound:
      return "round the fighting stopped";
    case OutcomeKind::WarCost:
      return party + "'s " + l.war.kinds[l.war.costs[o.cost].kind].label;
    case OutcomeKind::Implemented:
      return "share of " + party + "'s part of " + l.implementation[o.item].id + " carried out";
  }
  return "";
}

std::string outcome_unit(const OutcomeDef& o, const SweepLayout& l) {
  if (o.binary()) return "share of runs";
  switch (o.kind) {
    case OutcomeKind::RoundOfAgreement:
    case OutcomeKind::WarEndRound:
      return "round";
    case OutcomeKind::Utility:
      return "utility";
    case OutcomeKind::WarCost:
      return l.war.kinds[l.war.costs[o.cost].kind].unit;
    case OutcomeKind::Implemented:
      return "share of the party's part";
    default:
      return "";
  }
}

nlohmann::json outcome_json(const OutcomeDef& o, const SweepLayout& l) {
  nlohmann::json out = {{"outcome", kind_name(o.kind)},
                        {"key", outcome_key(o, l)},
                        {"label", outcome_label(o, l)},
                        {"unit", outcome_unit(o, l)}};
  if (o.track >= 0) out["track"] = l.tracks[o.track].id;
  if (o.party >= 0) out["party"] = l.parties[o.party].id;
  if (o.cost >= 0) out["cost"] = l.war.kinds[l.war.costs[o.cost].kind].id;
  if (o.item >= 0) out["item"] = l.implementation[o.item].id;
  return out;
}

}  // namespace parley
