using Vouch.Features.Contacts;
using Vouch.Features.Ideas.Similarity;
using Vouch.Features.Meaning;

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

    /// <summary>The reason an advocate asked well beyond what they were given shows (decision 19); it costs no points.</summary>
    public const string OwedReason = "owed a give before the next ask";

    /// <summary>
    /// The candidates as ranked, with <see cref="OwedReason"/> last among the reasons of those <paramref name="owed"/>.
    /// The score stays as the pool and the explained score agree on it; the seller reads why to give first.
    /// </summary>
    public static IEnumerable<RankedCandidate> NoteOwed(IEnumerable<RankedCandidate> candidates, IReadOnlySet<Guid> owed) =>
        candidates.Select(c => owed.Contains(c.ContactId) ? c with { Reasons = [.. c.Reasons, OwedReason] } : c);

    public static MatchResult Match(MatchCriteria criteria, IEnumerable<MatchCandidate> candidates, IReadOnlyList<PastAsk> ledger, MatchPolicy policy)
    {
        var useCaseTerms = Terms(criteria.UseCase);
        var ranked = new List<(RankedCandidate Candidate, DateOnly LastAsked)>();
        var excluded = new List<ExcludedCandidate>();
        // The rules read only a candidate's own asks and their account's, so each is given just those.
        var byContact = ledger.ToLookup(a => a.ContactId);
        var byAccount = ledger.ToLookup(a => a.AccountId);
        foreach (var candidate in candidates)
        {
            var own = byContact[candidate.ContactId];
            var theirs = byAccount[candidate.Account.Id].Where(a => a.ContactId != candidate.ContactId).Concat(own).ToList();
            var rules = AskRules.Check(criteria, candidate, theirs, policy);
            if (rules.Count > 0)
            {
                excluded.Add(new ExcludedCandidate(candidate.ContactId, rules));
                continue;
            }
            var history = AskHistory.Of(own, policy.Today);
            ranked.Add((Score(criteria, useCaseTerms, candidate, history, policy.Today), history.LastAsked ?? DateOnly.MinValue));
        }
        return new MatchResult(
            [.. ranked.OrderByDescending(r => r.Candidate.Score).ThenBy(r => r.LastAsked).ThenBy(r => r.Candidate.ContactId).Select(r => r.Candidate)],
            excluded);
    }

    /// <summary>The score of one allowed candidate, with its reasons strongest first.</summary>
    public static RankedCandidate Score(MatchCriteria criteria, MatchCandidate candidate, IReadOnlyList<PastAsk> ownAsks, DateOnly today) =>
        Score(criteria, Terms(criteria.UseCase), candidate, AskHistory.Of(ownAsks, today), today);

    private static RankedCandidate Score(
        MatchCriteria criteria, HashSet<string> useCaseTerms, MatchCandidate candidate, AskHistory history, DateOnly today)
    {
        var reasons = new List<(double Points, string Reason)>();
        var sharedTerms = useCaseTerms.Count == 0 ? 0 : useCaseTerms.Count(Terms(candidate.Story).Contains);
        var score = Points(criteria, useCaseTerms.Count, sharedTerms, candidate, history, today, reasons);
        return new RankedCandidate(candidate.ContactId, (int)Math.Round(score, MidpointRounding.AwayFromZero),
            [.. reasons.OrderByDescending(e => e.Points).Select(e => e.Reason)]);
    }

    /// <summary>
    /// The score of 0 to 100 before rounding; with a list for the reasons, the points and the reason for each. Without,
    /// no text is made: the advocate pool scores every referenceable contact with it. The use case is given as how many
    /// search terms it has and how many of them the candidate's story shares.
    /// </summary>
    public static double Points(
        MatchCriteria criteria, int useCaseTerms, int sharedTerms, MatchCandidate candidate, AskHistory history, DateOnly today,
        List<(double Points, string Reason)>? reasons) =>
        Points(criteria, useCaseTerms, new CandidateFit(criteria, candidate, history, sharedTerms), today, reasons);

    /// <summary>
    /// The score as above, reading the candidate through <paramref name="fit"/>: the advocate pool answers it from
    /// compact columns, so every referenceable contact is scored by this one formula.
    /// </summary>
    public static double Points<TFit>(MatchCriteria criteria, int useCaseTerms, in TFit fit, DateOnly today, List<(double Points, string Reason)>? reasons)
        where TFit : struct, ICandidateFit
    {
        double possible = 0;
        double sum = 0;
        void Earn(double points) => sum += points;

        if (criteria.IndustryId is not null)
        {
            possible += IndustryPoints;
            if (fit.SameIndustry)
            {
                Earn(IndustryPoints);
                reasons?.Add((IndustryPoints, "same industry"));
            }
        }

        if (criteria.Products.Count > 0)
        {
            possible += ProductPoints;
            var shared = fit.SharedProducts;
            if (shared > 0)
            {
                var points = ProductPoints * shared / (double)criteria.Products.Count;
                Earn(points);
                reasons?.Add((points, criteria.Products.Count == 1 ? "uses the product" : $"uses {shared} of {criteria.Products.Count} products"));
            }
        }

        if (criteria.CountryCode is not null || criteria.Region is not null)
        {
            possible += LocationPoints;
            if (criteria.CountryCode is not null && fit.SameCountry)
            {
                Earn(LocationPoints);
                reasons?.Add((LocationPoints, "same country"));
            }
            else if (criteria.Region is not null && fit.SameRegion)
            {
                var points = criteria.CountryCode is null ? LocationPoints : LocationPoints * 0.6;
                Earn(points);
                reasons?.Add((points, "same region"));
            }
        }

        if (criteria.Employees is not null)
        {
            possible += SizePoints;
            var apart = fit.SizeBandsApart;
            if (apart == 0)
            {
                Earn(SizePoints);
                reasons?.Add((SizePoints, "similar size"));
            }
            else if (apart == 1)
            {
                Earn(SizePoints / 2.0);
                reasons?.Add((SizePoints / 2.0, "close in size"));
            }
        }

        if (!string.IsNullOrWhiteSpace(criteria.Competitor))
        {
            possible += CompetitorPoints;
            if (fit.ReplacedCompetitor)
            {
                Earn(CompetitorPoints);
                reasons?.Add((CompetitorPoints, "replaced the same competitor"));
            }
        }

        if (useCaseTerms > 0)
        {
            // The story earns by its words or by its meaning, whichever says more.
            possible += UseCasePoints;
            var sharedTerms = fit.SharedTerms;
            var byWords = sharedTerms / (double)useCaseTerms;
            var byMeaning = MeaningBlend.StoryCredit(fit.StoryMeaning);
            if (byMeaning > byWords)
            {
                var points = UseCasePoints * byMeaning;
                Earn(points);
                reasons?.Add((points, "their story is about what the use case asks, in other words"));
            }
            else if (sharedTerms > 0)
            {
                var points = UseCasePoints * byWords;
                Earn(points);
                reasons?.Add((points, $"story shares {sharedTerms} of {useCaseTerms} use-case words"));
            }
        }

        var history = fit.History;
        possible += RatingPoints;
        if (history.Ratings == 0)
        {
            Earn(RatingPoints / 2.0);
            reasons?.Add((RatingPoints / 2.0, "not rated yet"));
        }
        else
        {
            var points = RatingPoints * (history.AverageRating - 1) / 4;
            Earn(points);
            reasons?.Add((points, $"rated {history.AverageRating.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} of 5 after "
                + (history.Ratings == 1 ? "1 ask" : $"{history.Ratings} asks")));
        }

        possible += RestPoints;
        if (history.LastAsked is { } last)
        {
            var days = today.DayNumber - last.DayNumber;
            var rested = RestPoints * Math.Min(days, FullyRestedDays) / (double)FullyRestedDays;
            Earn(rested);
            reasons?.Add((rested, days == 0 ? "last asked today" : $"last asked {Words.Days(days)} ago"));
        }
        else
        {
            Earn(RestPoints);
            reasons?.Add((RestPoints, "never asked before"));
        }

        possible += SocialCapitalPoints;
        var activity = criteria.Activity;
        var wants = fit.Wants;
        var given = wants & activity.Offers;
        if (wants == SocialCapital.None)
        {
            Earn(SocialCapitalPoints / 2.0);
            reasons?.Add((SocialCapitalPoints / 2.0, "has not said what they want in return"));
        }
        else if (given != SocialCapital.None)
        {
            Earn(SocialCapitalPoints);
            reasons?.Add((SocialCapitalPoints, $"wants {Words.List(given)}, which {Words.WithArticle(activity.Name)} gives"));
        }
        else
        {
            Earn(0);
            reasons?.Add((0, $"wants {Words.List(wants)}, which {Words.WithArticle(activity.Name)} does not give"));
        }

        return 100 * sum / possible;
    }

    /// <summary>How a <see cref="MatchCandidate"/> fits the request, read from its own fields.</summary>
    private readonly struct CandidateFit(MatchCriteria criteria, MatchCandidate candidate, AskHistory history, int sharedTerms) : ICandidateFit
    {
        public bool SameIndustry => candidate.Account.IndustryId == criteria.IndustryId;

        public int SharedProducts
        {
            get
            {
                var shared = 0;
                for (var i = 0; i < criteria.Products.Count; i++)
                {
                    if (candidate.Account.ProductIds.Contains(criteria.Products[i]))
                    {
                        shared++;
                    }
                }
                return shared;
            }
        }

        public bool SameCountry => string.Equals(candidate.Account.CountryCode, criteria.CountryCode, StringComparison.OrdinalIgnoreCase);

        public bool SameRegion => candidate.Account.Region == criteria.Region;

        public int? SizeBandsApart => candidate.Account.Employees is { } theirs && criteria.Employees is { } wanted
            ? Math.Abs(SizeBand(wanted) - SizeBand(theirs))
            : null;

        public bool ReplacedCompetitor
        {
            get
            {
                var competitor = criteria.Competitor.AsSpan().Trim();
                var replaced = candidate.Account.CompetitorsReplaced;
                for (var i = 0; i < replaced.Count; i++)
                {
                    if (replaced[i].AsSpan().Trim().Equals(competitor, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
                return false;
            }
        }

        public int SharedTerms => sharedTerms;

        public double StoryMeaning => criteria.StoryMeaning?.GetValueOrDefault(candidate.ContactId) ?? 0;

        public AskHistory History => history;

        public SocialCapital Wants => candidate.Wants;
    }

    /// <summary>Companies under 100 people, up to 1,000, up to 10,000, and larger.</summary>
    internal static int SizeBand(int employees) => employees switch
    {
        < 100 => 0,
        < 1_000 => 1,
        < 10_000 => 2,
        _ => 3,
    };

    public static HashSet<string> Terms(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : new HashSet<string>(IdeaSimilarity.SearchTerms(text), StringComparer.Ordinal);
}

/// <summary>
/// What the score reads of a candidate against one request. Each answer is about the request's own criterion and is
/// read only when the request names it.
/// </summary>
public interface ICandidateFit
{
    bool SameIndustry { get; }

    /// <summary>How many of the request's products the candidate's account uses.</summary>
    int SharedProducts { get; }

    bool SameCountry { get; }
    bool SameRegion { get; }

    /// <summary>How many size bands lie between the account and the prospect; null when the account's size is not known.</summary>
    int? SizeBandsApart { get; }

    bool ReplacedCompetitor { get; }

    /// <summary>How many of the use case's search terms the candidate's story shares.</summary>
    int SharedTerms { get; }

    /// <summary>The cosine of the candidate's story and the use case by meaning; 0 when not known.</summary>
    double StoryMeaning { get; }

    AskHistory History { get; }
    SocialCapital Wants { get; }
}

/// <summary>What the score reads of a contact's past asks: how they were rated and when they were last asked.</summary>
/// <remarks>LastAsked: The latest day the contact was asked, up to today; asks that were released do not count.</remarks>
public readonly record struct AskHistory(int Ratings, double AverageRating, DateOnly? LastAsked)
{
    public static AskHistory Of(IEnumerable<PastAsk> ownAsks, DateOnly today)
    {
        var ratings = 0;
        var sum = 0;
        DateOnly? last = null;
        foreach (var ask in ownAsks)
        {
            if (ask.Rating is { } rating)
            {
                ratings++;
                sum += rating;
            }
            if (ask.State != AskState.Released && ask.On <= today && (last is null || ask.On > last))
            {
                last = ask.On;
            }
        }
        return new AskHistory(ratings, ratings == 0 ? 0 : sum / (double)ratings, last);
    }
}
