using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;

namespace Vouch.Features.Requests;

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReferenceReports(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/references", Influence).RequireAuthorization(Policies.ReadInventory).WithTags("Reports")
            .WithName("ReferenceInfluence").WithSummary("Won revenue influenced by references, credited to each reference by rating, and the win rate with and without references.");
        return api;
    }

    private static async Task<Ok<InfluenceReport>> Influence(VouchDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await InfluenceAsync(db, ct));

    /// <summary>The report over every closed opportunity and every reference with feedback.</summary>
    public static async Task<InfluenceReport> InfluenceAsync(VouchDbContext db, CancellationToken ct)
    {
        var deals = await db.Opportunities.AsNoTracking().Where(o => o.IsClosed)
            .Select(o => new ClosedDeal(o.Id, o.Amount, o.IsWon)).ToListAsync(ct);
        var references = await db.ReferenceRequests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.FeedbackRecorded && r.OpportunityId != null)
            .Select(r => new GivenReference(r.Id, r.OpportunityId!.Value, r.Happened == true, r.Rating, r.Helped))
            .ToListAsync(ct);
        return RevenueAttribution.Attribute(deals, references);
    }
}
