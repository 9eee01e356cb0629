using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Matching;
using Vouch.Features.Requests;

namespace Vouch.Features.SupplyDemand;

/// <summary>
/// Puts together what the supply and demand report weighs: requests and deals from the <see cref="MarketSnapshot"/>,
/// referenceable advocates and their asks from the <see cref="AdvocateSnapshot"/>, names from the catalogue.
/// </summary>
public static class SupplyDemandQuery
{
    /// <summary>
    /// The report for <c>[from, to)</c>. Advocates without a quarterly limit of their own are counted at
    /// <paramref name="defaultAsksPerQuarter"/>, the program's limit for one account.
    /// </summary>
    public static async Task<SupplyDemandReport> ReportAsync(
        this VouchDbContext db, AdvocateSnapshot advocates, MarketSnapshot market,
        DateOnly from, DateOnly to, DateOnly today, int defaultAsksPerQuarter, CancellationToken ct)
    {
        var nextTo = to.AddDays(to.DayNumber - from.DayNumber);
        var industries = await db.Industries.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var activities = await db.ActivityTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => (t.Key, t.IsActive), ct);
        // Either may have to be read first; they are read side by side.
        var reading = market.CurrentAsync(ct);
        var pool = await advocates.CurrentAsync(ct);
        var history = await reading;

        // Catalogue entries deleted by another instance since the history was read are left out until it is read again.
        var cells = new Dictionary<MarketCell, int>();
        foreach (var (key, count) in history.CellsIn(from, to))
        {
            if (activities.TryGetValue(key.ActivityTypeId, out var activity) && ProductOf(key.ProductId, out var product))
            {
                var cell = new MarketCell(NameOf(key.IndustryId), product, key.Region?.ToString(), activity.Key);
                cells[cell] = cells.GetValueOrDefault(cell) + count;
            }
        }
        var requests = history.RequestsIn(from, to);
        var dealRequests = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in requests.Where(r => r.Key.ForOpportunity))
        {
            if (activities.TryGetValue(key.ActivityTypeId, out var activity))
            {
                dealRequests[activity.Key] = dealRequests.GetValueOrDefault(activity.Key) + count;
            }
        }
        var demand = new DemandTally(cells, requests.Values.Sum(), dealRequests);
        var dealsClosingNext = new Dictionary<DealCell, int>();
        foreach (var (key, count) in history.OpenDeals.In(to, nextTo))
        {
            if (ProductOf(key.ProductId, out var product))
            {
                var cell = new DealCell(NameOf(key.IndustryId), product, key.Region?.ToString());
                dealsClosingNext[cell] = dealsClosingNext.GetValueOrDefault(cell) + count;
            }
        }

        // The ledger from a quarter before the period (for burnout) to the end of the forecast period: the pool holds
        // every ask since its horizon, and asks outside that span change no figure, so they are read again only for a
        // period older than the horizon.
        var ledgerFrom = new[] { from, today.AddDays(-92) }.Min();
        var ledgerTo = new[] { nextTo, today.AddDays(1) }.Max();
        var catalogue = string.Join('|', [.. industries.Select(i => $"{i.Key}={i.Value}").Order(StringComparer.Ordinal),
            .. products.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal),
            .. activities.Select(a => $"{a.Key}={a.Value}").Order(StringComparer.Ordinal)]);
        NumberedAdvocates numbered;
        if (ledgerFrom < DateOnly.FromDateTime(pool.BuiltAt.UtcDateTime).AddYears(-CandidatePool.LedgerYears))
        {
            numbered = new NumberedAdvocates(Supply(pool, await AsksAsync(db, ledgerFrom, ledgerTo, ct)));
        }
        else if (s_numbered.TryGetValue(pool, out var kept) && kept.Matches(today, defaultAsksPerQuarter, catalogue))
        {
            numbered = kept.Advocates;
        }
        else
        {
            numbered = new NumberedAdvocates(Supply(pool, null));
            s_numbered.AddOrUpdate(pool, new NumberedSupply(today, defaultAsksPerQuarter, catalogue, numbered));
        }

        var dealsClosed = history.ClosedDeals.Total(from, to);
        return SupplyDemandEngine.Report(from, to, demand, numbered, dealsClosingNext, dealsClosed, today);

        string? NameOf(Guid? industryId) => industryId is { } id && industries.TryGetValue(id, out var name) ? name : null;

        // No product, or the name of one that still exists.
        bool ProductOf(Guid? productId, out string? name)
        {
            name = null;
            return productId is not { } id || products.TryGetValue(id, out name);
        }

        // The referenceable advocates of the pool, with their asks from the pool or from asksRead.
        List<AdvocateSupply> Supply(AdvocatePool pool, ILookup<Guid, DateOnly>? asksRead)
        {
            var supply = new List<AdvocateSupply>(pool.Count);
            // Advocates of one account share its products.
            var productSets = new Dictionary<Guid, HashSet<string>>();
            foreach (var advocate in pool.Advocates)
            {
                var (candidate, account) = (advocate.Candidate, advocate.Candidate.Account);
                if (candidate.Consent == ConsentLevel.None || candidate.ConsentExpiresOn < today)
                {
                    continue;
                }
                if (!productSets.TryGetValue(account.Id, out var productNames))
                {
                    productSets[account.Id] = productNames = [.. account.ProductIds.Where(products.ContainsKey).Select(p => products[p])];
                }
                var agreed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var id in candidate.AgreedActivityIds)
                {
                    if (activities.TryGetValue(id, out var activity) && activity.IsActive)
                    {
                        agreed.Add(activity.Key);
                    }
                }
                supply.Add(new AdvocateSupply(
                    candidate.ContactId, advocate.Name, NameOf(account.IndustryId), productNames, account.Region?.ToString(), agreed,
                    candidate.MaxAsksPerQuarter ?? defaultAsksPerQuarter,
                    asksRead is null ? advocate.Ledger.AskedOn ?? [] : [.. asksRead[candidate.ContactId]]));
            }
            return supply;
        }
    }

    /// <summary>
    /// The advocates of each pool as last numbered for a report: while the pool, the day, the default limit and the
    /// catalogue's names stay the same, the next report reuses them.
    /// </summary>
    private static readonly ConditionalWeakTable<AdvocatePool, NumberedSupply> s_numbered = [];

    private sealed record NumberedSupply(DateOnly Today, int DefaultAsksPerQuarter, string Catalogue, NumberedAdvocates Advocates)
    {
        public bool Matches(DateOnly today, int defaultAsksPerQuarter, string catalogue) =>
            Today == today && DefaultAsksPerQuarter == defaultAsksPerQuarter && Catalogue == catalogue;
    }

    /// <summary>The days of the asks not released in <c>[from, to)</c>, for periods older than the advocate pool's ledger.</summary>
    private static async Task<ILookup<Guid, DateOnly>> AsksAsync(VouchDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (fromAt, toAt) = (AtStartOf(from), AtStartOf(to));
        return (await db.Set<Engagement>().AsNoTracking()
                .Where(e => e.Kind == EngagementKind.Ask && e.Status != EngagementStatus.Released && e.At >= fromAt && e.At < toAt)
                .Select(e => new { e.ContactId, e.At })
                .ToListAsync(ct))
            .ToLookup(e => e.ContactId, e => DateOnly.FromDateTime(e.At.UtcDateTime));
    }

    private static DateTimeOffset AtStartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
