using Vouch.Features.Accounts;

namespace Vouch.Features.Ideas.Ranking;

/// <summary>What the value weighting knows of a voter's account.</summary>
public sealed record AccountValue(Guid Id, double Revenue, double GrossProfit, Segment? Segment, Guid? IndustryId);

/// <summary>
/// The demand behind an idea: how many people voted, from how many customer accounts, and what those accounts are
/// worth. Each account counts once however many of its people voted, so a customer with twenty portal users does not
/// outweigh twenty customers; people without an account (employees) add a voter and no value.
/// </summary>
public readonly record struct Demand(int Voters, int Accounts, double Revenue, double GrossProfit)
{
    /// <summary>The demand after one more vote; <paramref name="newAccount"/> when no one from its account had voted yet.</summary>
    public Demand Add(AccountValue? account, bool newAccount) =>
        account is not null && newAccount
            ? new(Voters + 1, Accounts + 1, Revenue + account.Revenue, GrossProfit + account.GrossProfit)
            : this with { Voters = Voters + 1 };

    public double Measure(ValueMeasure measure) => measure == ValueMeasure.GrossProfit ? GrossProfit : Revenue;
}

/// <summary>Which of an account's figures weighs demand: the revenue or the gross profit the company earns from it.</summary>
public enum ValueMeasure { Revenue, GrossProfit }

/// <summary>
/// Demand is kept per idea overall and per facet — the voters of one segment, of one industry, or of both — so that
/// "what does the enterprise segment want?" is a sorted index read, not a sum over all votes.
/// </summary>
public static class DemandFacets
{
    public const int MaxLength = 80;

    /// <summary>The facets a vote from <paramref name="account"/> counts in (none for a voter without an account).</summary>
    public static IReadOnlyList<string> Of(AccountValue? account)
    {
        if (account is null)
        {
            return [];
        }
        var facets = new List<string>(3);
        if (account.Segment is { } segment)
        {
            facets.Add(For(segment, null)!);
        }
        if (account.IndustryId is { } industry)
        {
            facets.Add(For(null, industry)!);
        }
        if (account.Segment is not null && account.IndustryId is not null)
        {
            facets.Add(For(account.Segment, account.IndustryId)!);
        }
        return facets;
    }

    /// <summary>The facet that holds the demand of voters in <paramref name="segment"/> and <paramref name="industryId"/>; null for everyone.</summary>
    public static string? For(Segment? segment, Guid? industryId) => (segment, industryId) switch
    {
        (null, null) => null,
        ({ } s, null) => $"segment:{s}",
        (null, { } i) => $"industry:{i:N}",
        ({ } s, { } i) => $"segment:{s}/industry:{i:N}",
    };

    /// <summary>
    /// The demand of one idea recomputed from its votes: each vote's account id (null for a voter without one), and the
    /// accounts' figures.
    /// </summary>
    public static (Demand Overall, IReadOnlyDictionary<string, Demand> ByFacet) Tally(
        IEnumerable<Guid?> voteAccounts, IReadOnlyDictionary<Guid, AccountValue> accounts)
    {
        var overall = default(Demand);
        var byFacet = new Dictionary<string, Demand>(StringComparer.Ordinal);
        var counted = new HashSet<Guid>();
        foreach (var accountId in voteAccounts)
        {
            var account = accountId is { } id ? accounts.GetValueOrDefault(id) : null;
            var newAccount = account is not null && counted.Add(account.Id);
            overall = overall.Add(account, newAccount);
            foreach (var facet in Of(account))
            {
                byFacet[facet] = byFacet.GetValueOrDefault(facet).Add(account, newAccount);
            }
        }
        return (overall, byFacet);
    }
}
