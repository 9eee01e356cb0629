using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;

namespace Vouch.Features.Requests;

/// <summary>A reference that helped a closed deal, and the part of the deal's won revenue credited to it.</summary>
public sealed record HelpingReference(Guid RequestId, string Contact, string Account, string Activity, int? Rating, decimal Credit);

/// <summary>A closed deal that references helped, won or lost.</summary>
public sealed record InfluencedDeal(
    Guid OpportunityId, string Name, string Account, decimal Amount, DateOnly CloseDate, bool Won, IReadOnlyList<HelpingReference> References);

/// <summary>The program's influence on revenue: the figures of <see cref="InfluenceReport"/> and the deals behind them.</summary>
/// <remarks>Attributed: The credit of each reference that helped one of the listed deals.</remarks>
public sealed record ReferenceReport(
    decimal InfluencedRevenue, int DealsWithReferences, int WonWithReferences, int DealsWithoutReferences, int WonWithoutReferences,
    double? WinRateWithReferences, double? WinRateWithoutReferences, IReadOnlyList<AttributedReference> Attributed,
    IReadOnlyList<InfluencedDeal> Deals);

public static class ReportEndpoints
{
    /// <summary>The report lists at most this many deals, the most recently closed first; the figures count them all.</summary>
    public const int MaxDeals = 200;

    public static RouteGroupBuilder MapReferenceReports(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/references", Influence).RequireAuthorization(Policies.ReadReports).WithTags("Reports")
            .WithName("ReferenceInfluence").WithSummary("Won revenue influenced by references, credited to each reference by rating; the win rate with and without references; the deals references helped.");
        return api;
    }

    private static async Task<Ok<ReferenceReport>> Influence(VouchDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await InfluenceAsync(db, ct));

    /// <summary>
    /// The report over every closed opportunity and every reference with feedback; the API and the page read this. The
    /// figures count every deal; the deals listed, and the credits given, are those of the <see cref="MaxDeals"/> most
    /// recently closed deals references helped.
    /// </summary>
    public static async Task<ReferenceReport> InfluenceAsync(VouchDbContext db, CancellationToken ct)
    {
        var deals = await db.Opportunities.AsNoTracking().Where(o => o.IsClosed)
            .Select(o => new { o.Id, o.Amount, o.IsWon, o.CloseDate }).ToListAsync(ct);
        var references = await db.ReferenceRequests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.FeedbackRecorded && r.OpportunityId != null)
            .Select(r => new GivenReference(r.Id, r.OpportunityId!.Value, r.Happened == true, r.Rating, r.Helped))
            .ToListAsync(ct);
        var report = RevenueAttribution.Attribute([.. deals.Select(d => new ClosedDeal(d.Id, d.Amount, d.IsWon))], references);

        // Only the listed deals' records are read again, by their ids: a handful of parameters at any scale.
        var helping = references.Where(RevenueAttribution.Helped).ToLookup(r => r.OpportunityId);
        var listed = deals.Where(d => helping.Contains(d.Id)).OrderByDescending(d => d.CloseDate).Take(MaxDeals).Select(d => d.Id).ToHashSet();
        var dealIds = listed.ToList();
        var helpingIds = dealIds.SelectMany(id => helping[id]).Select(r => r.RequestId).ToList();
        var attributed = report.Attributed.Where(a => listed.Contains(a.OpportunityId)).ToList();
        var credits = attributed.ToDictionary(a => a.RequestId, a => a.Amount);
        var given = await db.ReferenceRequests.AsNoTracking().Where(r => helpingIds.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                OpportunityId = r.OpportunityId!.Value,
                Contact = r.Contact == null ? null : r.Contact.FirstName + " " + r.Contact.LastName,
                Account = r.Contact == null ? null : r.Contact.Account!.Name,
                Activity = r.ActivityType!.Name,
                r.Rating,
            })
            .ToListAsync(ct);
        var influenced = await db.Opportunities.AsNoTracking().Where(o => dealIds.Contains(o.Id))
            .OrderByDescending(o => o.CloseDate).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, Account = o.Account!.Name, o.Amount, o.CloseDate, o.IsWon })
            .ToListAsync(ct);
        var byDeal = given.ToLookup(g => g.OpportunityId);
        return new ReferenceReport(
            report.InfluencedRevenue, report.DealsWithReferences, report.WonWithReferences, report.DealsWithoutReferences, report.WonWithoutReferences,
            report.WinRateWithReferences, report.WinRateWithoutReferences, attributed,
            [.. influenced.Select(o => new InfluencedDeal(o.Id, o.Name, o.Account, o.Amount, o.CloseDate, o.IsWon,
                [.. byDeal[o.Id].OrderByDescending(g => credits.GetValueOrDefault(g.Id)).ThenBy(g => g.Contact)
                    .Select(g => new HelpingReference(g.Id, g.Contact ?? "A removed contact", g.Account ?? "", g.Activity, g.Rating, credits.GetValueOrDefault(g.Id)))]))]);
    }
}
