using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Audit;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string Action, string RecordType, string RecordId, string? Before, string? After);

/// <summary>The filters of <c>GET /api/v1/audit</c>.</summary>
public sealed record AuditFilter
{
    /// <summary>The kind of record, e.g. Account.</summary>
    public string? RecordType { get; init; }

    /// <summary>The record's id.</summary>
    public string? RecordId { get; init; }
}

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List)
            .WithTags("Audit").WithName("ListAuditEntries").WithSummary("Read the audit log, newest first.")
            .RequireAuthorization(Policies.Administer);
        return api;
    }

    private static async Task<Results<Ok<Paged<AuditEntryResponse>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [AsParameters] AuditFilter filter, VouchDbContext db, CancellationToken ct) =>
        (await page.ListAsync(() => SearchAsync(db, page, filter, ct))).ToApi(TypedResults.Ok);

    /// <summary>The audit log, newest first; of one kind of record, or one record, when the filter names them.</summary>
    private static async Task<Paged<AuditEntryResponse>> SearchAsync(VouchDbContext db, PageQuery page, AuditFilter filter, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.RecordType))
        {
            entries = entries.Where(e => e.RecordType == filter.RecordType);
        }
        if (!string.IsNullOrWhiteSpace(filter.RecordId))
        {
            entries = entries.Where(e => e.RecordId == filter.RecordId);
        }
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            entries = entries.Where(e => e.Actor.Contains(page.Q));
        }
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.Id).Skip(page.Skip).Take(page.Size)
            .Select(e => new AuditEntryResponse(e.Id, e.At, e.Actor, e.Action.ToString(), e.RecordType, e.RecordId, e.Before, e.After))
            .ToListAsync(ct);
        return new Paged<AuditEntryResponse>(items, total, page.PageNumber, page.Size);
    }
}
