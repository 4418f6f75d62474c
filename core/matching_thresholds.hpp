// The thresholds of matching, in one place (docs/clinical.md, "Honest thresholds").
// nd::match applies them, so the app's Causes page, `numbness-diary-cli match` and the PDF's topics all
// read the same fit for the same diary; none of them keeps a threshold of its own.
#pragma once

namespace nd {

struct MatchThresholds {
    // Below this many live episodes every cause reads "The diary cannot tell yet",
    // whatever the background holds.
    int minimum_episodes;
    // Score (share of the cause's positive weight) for "fits well" and "fits partly".
    double fits_well;
    double fits_partly;
    // "Fits well" also needs supporting evidence from at least this many different
    // features, one of them from episodes: one line alone, or the background alone,
    // never makes a cause "fits well".
    int fits_well_features;
    // Scores below this rank as equal (then in catalog order, which follows the seed: the
    // most common causes first), so a stray weak line cannot lift a cause above others.
    double rank_floor;
};

inline constexpr MatchThresholds kMatchThresholds{3, 0.5, 0.25, 2, 0.1};

}  // namespace nd
