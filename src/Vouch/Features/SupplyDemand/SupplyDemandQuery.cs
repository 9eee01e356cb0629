using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Requests;

namespace Vouch.Features.SupplyDemand;

/// <summary>Reads what the supply and demand report weighs: requests, referenceable advocates, the ledger and the pipeline.</summary>
public static class SupplyDemandQuery
{
    /// <summary>
    /// The report for <c>[from, to)</c>. Advocates without a quarterly limit of their own are counted at
    /// <paramref name="defaultAsksPerQuarter"/>, the program's limit for one account.
    /// </summary>
    public static async Task<SupplyDemandReport> ReportAsync(
        this VouchDbContext db, DateOnly from, DateOnly to, DateOnly today, int defaultAsksPerQuarter, CancellationToken ct)
    {
        var days = to.DayNumber - from.DayNumber;
        var nextTo = to.AddDays(days);
        var industries = await db.Industries.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var activities = await db.ActivityTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Key, ct);

        var (fromAt, toAt) = (AtStartOf(from), AtStartOf(to));
        var inPeriod = db.Set<ReferenceRequest>().Where(r => r.CreatedAt >= fromAt && r.CreatedAt < toAt);
        // Counted by the database: one row per request and product it named (or none), grouped into cells.
        var cells = await (
                from r in inPeriod
                from p in r.Products.DefaultIfEmpty()
                group r by new { r.IndustryId, r.Region, r.ActivityTypeId, ProductId = p == null ? (Guid?)null : p.Id } into g
                select new { g.Key.IndustryId, g.Key.Region, g.Key.ActivityTypeId, g.Key.ProductId, Count = g.Count() })
            .ToListAsync(ct);
        var requestCount = await inPeriod.CountAsync(ct);
        var dealRequests = await inPeriod.Where(r => r.OpportunityId != null)
            .GroupBy(r => r.ActivityTypeId)
            .Select(g => new { ActivityTypeId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var demand = new DemandTally(
            cells.ToDictionary(
                c => new MarketCell(NameOf(c.IndustryId), c.ProductId is { } id ? products[id] : null, c.Region?.ToString(), activities[c.ActivityTypeId]),
                c => c.Count),
            requestCount,
            dealRequests.ToDictionary(d => activities[d.ActivityTypeId], d => d.Count, StringComparer.Ordinal));

        var referenceable = db.Contacts.AsNoTracking()
            .Where(c => c.Consent != ConsentLevel.None && (c.ConsentExpiresOn == null || c.ConsentExpiresOn >= today));
        var advocates = await referenceable
            .Select(c => new { c.Id, c.AccountId, c.FirstName, c.LastName, c.MaxAsksPerQuarter, c.Account!.IndustryId, c.Account.Region })
            .ToListAsync(ct);
        var active = await db.ActivityTypes.Where(t => t.IsActive).Select(t => t.Id).ToListAsync(ct);
        var agreed = (await (
                from ca in db.Set<Dictionary<string, object>>("ContactActivityTypes")
                join c in referenceable on EF.Property<Guid>(ca, "ContactId") equals c.Id
                select new { ContactId = c.Id, ActivityTypeId = EF.Property<Guid>(ca, "AgreedActivitiesId") })
                .ToListAsync(ct))
            .Where(a => active.Contains(a.ActivityTypeId))
            .ToLookup(a => a.ContactId, a => activities[a.ActivityTypeId]);
        var accountProducts = (await (
                from ap in db.Set<Dictionary<string, object>>("AccountProducts")
                where referenceable.Any(c => c.AccountId == EF.Property<Guid>(ap, "AccountId"))
                select new { AccountId = EF.Property<Guid>(ap, "AccountId"), ProductId = EF.Property<Guid>(ap, "ProductsId") })
                .ToListAsync(ct))
            .ToLookup(a => a.AccountId, a => products[a.ProductId]);

        // The ledger from a quarter before the period (for burnout) to the end of the forecast period.
        var ledgerFrom = AtStartOf(new[] { from, today.AddDays(-92) }.Min());
        var ledgerTo = AtStartOf(new[] { nextTo, today.AddDays(1) }.Max());
        var asks = (await db.Set<Engagement>().AsNoTracking()
                .Where(e => e.Kind == EngagementKind.Ask && e.Status != EngagementStatus.Released && e.At >= ledgerFrom && e.At < ledgerTo)
                .Select(e => new { e.ContactId, e.At })
                .ToListAsync(ct))
            .ToLookup(e => e.ContactId, e => DateOnly.FromDateTime(e.At.UtcDateTime));

        var dealsClosingNext = (await (
                from o in db.Opportunities.Where(o => !o.IsClosed && o.CloseDate >= to && o.CloseDate < nextTo)
                from p in o.Products.DefaultIfEmpty()
                group o by new { o.Account!.IndustryId, o.Account.Region, ProductId = p == null ? (Guid?)null : p.Id } into g
                select new { g.Key.IndustryId, g.Key.Region, g.Key.ProductId, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(d => new DealCell(NameOf(d.IndustryId), d.ProductId is { } id ? products[id] : null, d.Region?.ToString()), d => d.Count);
        var dealsClosed = await db.Opportunities.CountAsync(o => o.IsClosed && o.CloseDate >= from && o.CloseDate < to, ct);

        return SupplyDemandEngine.Report(
            from,
            to,
            demand,
            [.. advocates.Select(a => new AdvocateSupply(
                a.Id, $"{a.FirstName} {a.LastName}", NameOf(a.IndustryId), accountProducts[a.AccountId].ToHashSet(StringComparer.Ordinal),
                a.Region?.ToString(), agreed[a.Id].ToHashSet(StringComparer.Ordinal), a.MaxAsksPerQuarter ?? defaultAsksPerQuarter,
                [.. asks[a.Id]]))],
            dealsClosingNext,
            dealsClosed,
            today);

        string? NameOf(Guid? industryId) => industryId is { } id && industries.TryGetValue(id, out var name) ? name : null;
    }

    private static DateTimeOffset AtStartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
