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

    private static async Task<Ok<ReferenceReport>> Influence(ReferenceReports reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.ReadAsync(ct));

    /// <summary>The report with every figure computed afresh.</summary>
    public static async Task<ReferenceReport> InfluenceAsync(VouchDbContext db, CancellationToken ct) =>
        await InfluenceAsync(db, await ReportQueries.TallyAsync(ReportQueries.ClosedDeals(db), ct), ct);

    /// <summary>
    /// The report over every closed opportunity and every reference with feedback. The figures count every deal, added
    /// up in the database (<paramref name="tallies"/>, <see cref="ReportQueries"/>); the deals listed, and the credits
    /// given, are those of the <see cref="MaxDeals"/> most recently closed deals references helped, each deal's credits
    /// shared by <see cref="RevenueAttribution"/> from its own references.
    /// </summary>
    public static async Task<ReferenceReport> InfluenceAsync(VouchDbContext db, InfluenceTallies tallies, CancellationToken ct)
    {
        var (with, without) = tallies;
        var closed = ReportQueries.ClosedDeals(db);
        var influenced = await closed.Where(d => d.WithReferences)
            .OrderByDescending(d => d.CloseDate).ThenByDescending(d => d.Id).Take(MaxDeals)
            .Select(d => new { d.Id, d.CloseDate, d.IsWon, d.Amount }).ToListAsync(ct);
        var dealIds = influenced.Select(d => d.Id).ToList();
        var given = await ReportQueries.HelpingReferences(db.ReferenceRequests.AsNoTracking().Where(r => dealIds.Contains(r.OpportunityId!.Value)))
            .ToListAsync(ct);
        var names = await db.Opportunities.AsNoTracking().Where(o => dealIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, Account = o.Account!.Name }).ToDictionaryAsync(o => o.Id, ct);
        var credited = RevenueAttribution.Attribute(
            [.. influenced.Select(d => new ClosedDeal(d.Id, d.Amount, d.IsWon))],
            [.. given.Select(g => new GivenReference(g.Id, g.OpportunityId, true, g.Rating, g.Helped))]);
        var credits = credited.Attributed.ToDictionary(a => a.RequestId, a => a.Amount);
        var byDeal = given.ToLookup(g => g.OpportunityId);
        return new ReferenceReport(
            with.WonRevenue, with.Deals, with.Won, without.Deals, without.Won,
            ReportQueries.WinRate(with), ReportQueries.WinRate(without), credited.Attributed,
            [.. influenced.Where(d => names.ContainsKey(d.Id)).Select(d => new InfluencedDeal(d.Id, names[d.Id].Name, names[d.Id].Account, d.Amount, d.CloseDate, d.IsWon,
                [.. byDeal[d.Id].OrderByDescending(g => credits.GetValueOrDefault(g.Id)).ThenBy(g => g.Contact)
                    .Select(g => new HelpingReference(g.Id, g.Contact ?? "A removed contact", g.Account ?? "", g.Activity, g.Rating, credits.GetValueOrDefault(g.Id)))]))]);
    }
}
