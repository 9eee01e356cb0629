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

        var (fromAt, toAt) = (AtStartOf(from), AtStartOf(to));
        var requests = await db.Set<ReferenceRequest>().AsNoTracking()
            .Where(r => r.CreatedAt >= fromAt && r.CreatedAt < toAt)
            .Select(r => new
            {
                r.IndustryId,
                r.Region,
                Activity = r.ActivityType!.Key,
                r.CreatedAt,
                ForOpportunity = r.OpportunityId != null,
                Products = r.Products.Select(p => p.Name).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var advocates = await ReferenceableAdvocatesAsync(db, today, ct);
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => db.Contacts.Any(c => c.AccountId == a.Id && c.Consent != ConsentLevel.None))
            .Select(a => new { a.Id, a.IndustryId, a.Region, Products = a.Products.Select(p => p.Name).ToList() })
            .AsSplitQuery()
            .ToDictionaryAsync(a => a.Id, ct);

        // The ledger from a quarter before the period (for burnout) to the end of the forecast period.
        var ledgerFrom = AtStartOf(new[] { from, today.AddDays(-92) }.Min());
        var ledgerTo = AtStartOf(new[] { nextTo, today.AddDays(1) }.Max());
        var asks = (await db.Set<Engagement>().AsNoTracking()
                .Where(e => e.Kind == EngagementKind.Ask && e.Status != EngagementStatus.Released && e.At >= ledgerFrom && e.At < ledgerTo)
                .Select(e => new { e.ContactId, e.At })
                .ToListAsync(ct))
            .ToLookup(e => e.ContactId, e => DateOnly.FromDateTime(e.At.UtcDateTime));

        var pipeline = await db.Opportunities.AsNoTracking()
            .Where(o => !o.IsClosed && o.CloseDate >= to && o.CloseDate < nextTo)
            .Select(o => new
            {
                o.Account!.IndustryId,
                o.Account.Region,
                o.CloseDate,
                Products = o.Products.Select(p => p.Name).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var dealsClosed = await db.Opportunities.CountAsync(o => o.IsClosed && o.CloseDate >= from && o.CloseDate < to, ct);

        return SupplyDemandEngine.Report(
            from,
            to,
            [.. requests.Select(r => new DemandSignal(
                NameOf(r.IndustryId), r.Products, r.Region?.ToString(), r.Activity,
                DateOnly.FromDateTime(r.CreatedAt.UtcDateTime), r.ForOpportunity))],
            [.. advocates.Where(a => accounts.ContainsKey(a.AccountId)).Select(a =>
            {
                var account = accounts[a.AccountId];
                return new AdvocateSupply(
                    a.Id, $"{a.FirstName} {a.LastName}", NameOf(account.IndustryId), account.Products.ToHashSet(),
                    account.Region?.ToString(), a.Activities.ToHashSet(), a.MaxAsksPerQuarter ?? defaultAsksPerQuarter,
                    [.. asks[a.Id]]);
            })],
            [.. pipeline.Select(o => new PipelineDeal(NameOf(o.IndustryId), o.Products, o.Region?.ToString(), o.CloseDate))],
            dealsClosed,
            today);

        string? NameOf(Guid? industryId) => industryId is { } id && industries.TryGetValue(id, out var name) ? name : null;
    }

    private sealed record Advocate(Guid Id, Guid AccountId, string FirstName, string LastName, int? MaxAsksPerQuarter, List<string> Activities);

    /// <summary>Contacts whose consent is given, unexpired and covers at least one activity.</summary>
    private static Task<List<Advocate>> ReferenceableAdvocatesAsync(VouchDbContext db, DateOnly today, CancellationToken ct) =>
        db.Contacts.AsNoTracking()
            .Where(c => c.Consent != ConsentLevel.None && (c.ConsentExpiresOn == null || c.ConsentExpiresOn >= today))
            .Select(c => new Advocate(
                c.Id, c.AccountId, c.FirstName, c.LastName, c.MaxAsksPerQuarter,
                c.AgreedActivities.Where(t => t.IsActive).Select(t => t.Key).ToList()))
            .AsSplitQuery()
            .ToListAsync(ct);

    private static DateTimeOffset AtStartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
