using System.Globalization;
using Vouch.Features.Contacts;

namespace Vouch.Features.Discovery;

/// <summary>What makes a customer a likely advocate, in the order the field names them.</summary>
public enum DiscoveryFactor { ProfitableAccount, Promoter, LikesToAffiliate, LeadingEdge, HelpsOthers, Influential }

/// <summary>One reason a contact scores: its points and the words that say why.</summary>
public sealed record ScorePart(DiscoveryFactor Factor, int Points, string Words);

/// <summary>
/// What the discovery score reads about one contact. <paramref name="ProfitPercentile"/> is the share of accounts (0–99)
/// whose gross profit is below the contact's account's, or null when the account has none recorded;
/// <paramref name="LatestNps"/> is the contact's latest answer to the NPS question.
/// </summary>
public sealed record CandidateFacts(
    AdvocacyStage Stage,
    bool Erased,
    int? ProfitPercentile,
    int? LatestNps,
    bool HasAssociations,
    bool SpeaksAtEvents,
    bool IsLeadUser,
    bool HelpsOthers,
    bool HasBlog,
    int? Followers);

/// <summary>
/// How likely a customer who is not yet an advocate is to become one, 0 to 100, explained by its parts. The weights
/// follow the field's profile of a future advocate: a promoter at a profitable account counts most (25 each); liking to
/// affiliate and being influential next (15 each); a lead user and someone who helps others 10 each. The parts add up
/// to 100, so the total needs no scaling and each part's points read directly.
/// </summary>
public sealed record DiscoveryScore(int Total, IReadOnlyList<ScorePart> Parts)
{
    public const int MaxProfit = 25;
    public const int MaxPromoter = 25;
    public const int MaxAffiliation = 15;
    public const int MaxLeadingEdge = 10;
    public const int MaxHelpsOthers = 10;
    public const int MaxInfluence = 15;

    /// <summary>Followers from which a contact's reach counts, and from which it counts fully.</summary>
    public const int SomeFollowers = 1_000;
    public const int ManyFollowers = 10_000;

    /// <summary>Whether a contact is someone discovery looks at: not yet an advocate, and not erased.</summary>
    public static bool IsCandidate(AdvocacyStage stage, bool erased) => !erased && stage is AdvocacyStage.Customer or AdvocacyStage.Promoter;

    /// <summary>The score of <paramref name="facts"/>; nothing for a contact who is not a candidate.</summary>
    public static DiscoveryScore Of(CandidateFacts facts)
    {
        if (!IsCandidate(facts.Stage, facts.Erased))
        {
            return new(0, []);
        }
        var parts = new List<ScorePart>(6);
        void Add(DiscoveryFactor factor, int points, string words)
        {
            if (points > 0)
            {
                parts.Add(new(factor, points, words));
            }
        }

        // Profit relative to the other accounts, in bands so that a small change in gross profit rarely moves the score.
        switch (facts.ProfitPercentile)
        {
            case >= 90:
                Add(DiscoveryFactor.ProfitableAccount, MaxProfit, "Account gross profit in the top 10 % of accounts");
                break;
            case >= 75:
                Add(DiscoveryFactor.ProfitableAccount, 18, "Account gross profit in the top 25 % of accounts");
                break;
            case >= 50:
                Add(DiscoveryFactor.ProfitableAccount, 10, "Account gross profit in the top half of accounts");
                break;
        }
        if (facts.LatestNps is { } nps && NpsAnswer.IsPromoter(nps))
        {
            Add(DiscoveryFactor.Promoter, MaxPromoter, $"Promoter: answered {nps} to the NPS question last time");
        }
        var affiliation = (facts.HasAssociations ? 8 : 0) + (facts.SpeaksAtEvents ? 7 : 0);
        Add(DiscoveryFactor.LikesToAffiliate, affiliation, (facts.HasAssociations, facts.SpeaksAtEvents) switch
        {
            (true, true) => "Belongs to associations and speaks at events",
            (true, false) => "Belongs to associations",
            _ => "Speaks at events",
        });
        Add(DiscoveryFactor.LeadingEdge, facts.IsLeadUser ? MaxLeadingEdge : 0, "Lead user: ahead of the market in what they use");
        Add(DiscoveryFactor.HelpsOthers, facts.HelpsOthers ? MaxHelpsOthers : 0, "Helps other customers");
        var reach = facts.Followers switch
        {
            >= ManyFollowers => 10,
            >= SomeFollowers => 5,
            _ => 0,
        };
        var influence = (facts.HasBlog ? 5 : 0) + reach;
        Add(DiscoveryFactor.Influential, influence, (facts.HasBlog, reach > 0) switch
        {
            (true, true) => string.Create(CultureInfo.InvariantCulture, $"Writes a blog and has {facts.Followers:N0} followers"),
            (true, false) => "Writes a blog",
            _ => string.Create(CultureInfo.InvariantCulture, $"Has {facts.Followers:N0} followers"),
        });

        // Strongest first; equal parts in the order the field names them.
        var ordered = parts.OrderByDescending(p => p.Points).ThenBy(p => p.Factor).ToList();
        return new(ordered.Sum(p => p.Points), ordered);
    }

    /// <summary>
    /// Where <paramref name="profit"/>, one of <paramref name="sortedProfits"/>, stands among them, 0–99: the share of
    /// the other accounts whose gross profit is at or below it. The most profitable account (and any tied with it) is
    /// 99, the least 0; a lone account is the most profitable there is.
    /// </summary>
    public static int? Percentile(decimal? profit, IReadOnlyList<decimal> sortedProfits)
    {
        if (profit is not { } value || sortedProfits.Count == 0)
        {
            return null;
        }
        var (low, high) = (0, sortedProfits.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sortedProfits[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return PercentileOf(low, sortedProfits.Count);
    }

    /// <summary>An account with <paramref name="atOrBelow"/> of <paramref name="count"/> accounts at or below its gross profit (itself included), as 0–99.</summary>
    public static int PercentileOf(long atOrBelow, long count) =>
        count <= 1 ? 99 : (int)Math.Clamp((atOrBelow - 1) * 100 / (count - 1), 0, 99);
}
