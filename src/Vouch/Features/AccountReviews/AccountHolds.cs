using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Matching;

namespace Vouch.Features.AccountReviews;

/// <summary>
/// Delivery's say in asking an account's contacts (decision 23), read from the reviews and escalations of many
/// accounts at once: matching applies it to its shortlist, and every ask checks it for the one account it asks.
/// </summary>
public sealed class AccountHolds(VouchDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The facts of each account named that has reviews or open escalations; others are not in the answer.</summary>
    public async Task<IReadOnlyDictionary<Guid, DeliveryFacts>> FactsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken ct)
    {
        if (accountIds.Count == 0)
        {
            return new Dictionary<Guid, DeliveryFacts>();
        }
        var today = Today;
        // Held reviews (for the latest) and those still to come (for the next): past reviews never held tell nothing.
        var reviews = await db.Set<AccountReview>().AsNoTracking()
            .Where(r => accountIds.Contains(r.AccountId) && (r.HeldOn != null || r.ScheduledOn >= today))
            .Select(r => new { r.AccountId, r.ScheduledOn, r.HeldOn, r.Health })
            .ToListAsync(ct);
        var open = await db.Set<Escalation>().AsNoTracking()
            .Where(e => accountIds.Contains(e.AccountId) && e.ClosedOn == null)
            .Select(e => new { e.AccountId, e.Title, e.OpenedOn })
            .ToListAsync(ct);
        var reviewsOf = reviews.ToLookup(r => r.AccountId, r => (r.ScheduledOn, r.HeldOn, r.Health));
        var openOf = open.ToLookup(e => e.AccountId, e => new OpenEscalation(e.Title, e.OpenedOn));
        return reviewsOf.Select(g => g.Key).Union(openOf.Select(g => g.Key))
            .ToDictionary(id => id, id => DeliveryRules.FactsOf(reviewsOf[id], openOf[id], today));
    }

    public async Task<IReadOnlyDictionary<Guid, DeliveryVerdict>> VerdictsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken ct)
    {
        var today = Today;
        return (await FactsAsync(accountIds, ct)).ToDictionary(f => f.Key, f => DeliveryRules.Judge(f.Value, today));
    }

    /// <summary>Why asks of the account's contacts are held now; empty when they are not.</summary>
    public async Task<IReadOnlyList<string>> HoldsAsync(Guid accountId, CancellationToken ct) =>
        (await VerdictsAsync([accountId], ct)).GetValueOrDefault(accountId)?.Holds ?? [];

    /// <summary>The matches with delivery applied to the candidates' accounts, read in one go for all of them.</summary>
    public async Task<MatchResult> ApplyAsync(MatchResult result, IReadOnlyCollection<MatchCandidate> candidates, CancellationToken ct)
    {
        var accountOf = candidates.ToDictionary(c => c.ContactId, c => c.Account.Id);
        var verdicts = await VerdictsAsync([.. accountOf.Values.Distinct()], ct);
        return verdicts.Count == 0 ? result : DeliveryRules.Apply(result, id => accountOf[id], verdicts);
    }
}
