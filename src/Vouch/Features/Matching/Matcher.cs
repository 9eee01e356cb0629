using Vouch.Features.Contacts;
using Vouch.Features.Ideas.Similarity;

namespace Vouch.Features.Matching;

/// <summary>
/// Ranks contacts for a reference request: the hard rules (<see cref="AskRules"/>) first, then a score of 0 to 100
/// from how closely the advocate's account resembles the prospect, how past asks went, how long they have rested and
/// whether the activity gives them what they want. Every point comes with a reason a seller can read.
/// </summary>
/// <remarks>
/// Each part of the fit counts only when the request says something about it: a request without an industry is not
/// scored on industry, so the score is the share of the points that could be earned, not of all points.
/// </remarks>
public static class Matcher
{
    public const int IndustryPoints = 20;
    public const int ProductPoints = 20;
    public const int LocationPoints = 10;
    public const int SizePoints = 10;
    public const int CompetitorPoints = 10;
    public const int UseCasePoints = 10;
    public const int RatingPoints = 10;
    public const int RestPoints = 10;
    public const int SocialCapitalPoints = 10;

    /// <summary>A contact rested this long since their last ask earns all the points for spreading the load.</summary>
    public const int FullyRestedDays = 180;

    public static MatchResult Match(MatchCriteria criteria, IEnumerable<MatchCandidate> candidates, IReadOnlyList<PastAsk> ledger, MatchPolicy policy)
    {
        var useCaseTerms = Terms(criteria.UseCase);
        var ranked = new List<(RankedCandidate Candidate, DateOnly LastAsked)>();
        var excluded = new List<ExcludedCandidate>();
        foreach (var candidate in candidates)
        {
            var rules = AskRules.Check(criteria, candidate, ledger, policy);
            if (rules.Count > 0)
            {
                excluded.Add(new ExcludedCandidate(candidate.ContactId, rules));
                continue;
            }
            var own = ledger.Where(a => a.ContactId == candidate.ContactId).ToList();
            ranked.Add((Score(criteria, useCaseTerms, candidate, own, policy.Today), LastAsked(own, policy.Today) ?? DateOnly.MinValue));
        }
        return new MatchResult(
            [.. ranked.OrderByDescending(r => r.Candidate.Score).ThenBy(r => r.LastAsked).ThenBy(r => r.Candidate.ContactId).Select(r => r.Candidate)],
            excluded);
    }

    /// <summary>The score of one allowed candidate, with its reasons strongest first.</summary>
    public static RankedCandidate Score(MatchCriteria criteria, MatchCandidate candidate, IReadOnlyList<PastAsk> ownAsks, DateOnly today) =>
        Score(criteria, Terms(criteria.UseCase), candidate, ownAsks, today);

    private static RankedCandidate Score(
        MatchCriteria criteria, HashSet<string> useCaseTerms, MatchCandidate candidate, IReadOnlyList<PastAsk> ownAsks, DateOnly today)
    {
        var account = candidate.Account;
        var earned = new List<(double Points, string Reason)>();
        double possible = 0;

        if (criteria.IndustryId is { } industry)
        {
            possible += IndustryPoints;
            if (account.IndustryId == industry)
            {
                earned.Add((IndustryPoints, "same industry"));
            }
        }

        if (criteria.Products.Count > 0)
        {
            possible += ProductPoints;
            var shared = criteria.Products.Count(account.ProductIds.Contains);
            if (shared > 0)
            {
                var reason = criteria.Products.Count == 1 ? "uses the product" : $"uses {shared} of {criteria.Products.Count} products";
                earned.Add((ProductPoints * shared / (double)criteria.Products.Count, reason));
            }
        }

        if (criteria.CountryCode is not null || criteria.Region is not null)
        {
            possible += LocationPoints;
            if (criteria.CountryCode is { } country && string.Equals(account.CountryCode, country, StringComparison.OrdinalIgnoreCase))
            {
                earned.Add((LocationPoints, "same country"));
            }
            else if (criteria.Region is { } region && account.Region == region)
            {
                earned.Add((criteria.CountryCode is null ? LocationPoints : LocationPoints * 0.6, "same region"));
            }
        }

        if (criteria.Employees is { } employees)
        {
            possible += SizePoints;
            if (account.Employees is { } theirs)
            {
                var apart = Math.Abs(SizeBand(employees) - SizeBand(theirs));
                if (apart == 0)
                {
                    earned.Add((SizePoints, "similar size"));
                }
                else if (apart == 1)
                {
                    earned.Add((SizePoints / 2.0, "close in size"));
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(criteria.Competitor))
        {
            possible += CompetitorPoints;
            if (account.CompetitorsReplaced.Any(c => string.Equals(c.Trim(), criteria.Competitor.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                earned.Add((CompetitorPoints, "replaced the same competitor"));
            }
        }

        if (useCaseTerms.Count > 0)
        {
            possible += UseCasePoints;
            var shared = useCaseTerms.Count(Terms(candidate.Story).Contains);
            if (shared > 0)
            {
                earned.Add((UseCasePoints * shared / (double)useCaseTerms.Count, $"story shares {shared} of {useCaseTerms.Count} use-case words"));
            }
        }

        possible += RatingPoints;
        var ratings = ownAsks.Where(a => a.Rating is not null).Select(a => a.Rating!.Value).ToList();
        if (ratings.Count == 0)
        {
            earned.Add((RatingPoints / 2.0, "not rated yet"));
        }
        else
        {
            var average = ratings.Average();
            var said = average.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            earned.Add((RatingPoints * (average - 1) / 4, $"rated {said} of 5 after {(ratings.Count == 1 ? "1 ask" : $"{ratings.Count} asks")}"));
        }

        possible += RestPoints;
        if (LastAsked(ownAsks, today) is { } last)
        {
            var days = today.DayNumber - last.DayNumber;
            earned.Add((RestPoints * Math.Min(days, FullyRestedDays) / (double)FullyRestedDays,
                days == 0 ? "last asked today" : $"last asked {Words.Days(days)} ago"));
        }
        else
        {
            earned.Add((RestPoints, "never asked before"));
        }

        possible += SocialCapitalPoints;
        var activity = criteria.Activity;
        var given = candidate.Wants & activity.Offers;
        if (candidate.Wants == SocialCapital.None)
        {
            earned.Add((SocialCapitalPoints / 2.0, "has not said what they want in return"));
        }
        else if (given != SocialCapital.None)
        {
            earned.Add((SocialCapitalPoints, $"wants {Words.List(given)}, which {Words.WithArticle(activity.Name)} gives"));
        }
        else
        {
            earned.Add((0, $"wants {Words.List(candidate.Wants)}, which {Words.WithArticle(activity.Name)} does not give"));
        }

        var score = (int)Math.Round(100 * earned.Sum(e => e.Points) / possible, MidpointRounding.AwayFromZero);
        return new RankedCandidate(candidate.ContactId, score, [.. earned.OrderByDescending(e => e.Points).Select(e => e.Reason)]);
    }

    /// <summary>The latest day the contact was asked, up to today; asks that were released do not count.</summary>
    private static DateOnly? LastAsked(IEnumerable<PastAsk> asks, DateOnly today) =>
        asks.Where(a => a.State != AskState.Released && a.On <= today).Select(a => (DateOnly?)a.On).Max();

    /// <summary>Companies under 100 people, up to 1,000, up to 10,000, and larger.</summary>
    private static int SizeBand(int employees) => employees switch
    {
        < 100 => 0,
        < 1_000 => 1,
        < 10_000 => 2,
        _ => 3,
    };

    private static HashSet<string> Terms(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : new HashSet<string>(IdeaSimilarity.SearchTerms(text), StringComparer.Ordinal);
}
