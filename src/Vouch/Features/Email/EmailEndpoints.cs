using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;

namespace Vouch.Features.Email;

/// <param name="Configured">Whether Vouch sends email at all (SMTP or a pickup folder).</param>
/// <param name="Transport"><c>smtp</c>, <c>pickup-folder</c> or null.</param>
/// <param name="Pending">Queued and not yet sent, including those waiting to be tried again.</param>
/// <param name="Sent">Sent and not yet removed (sent emails are kept for <c>Email:KeepSent</c>).</param>
/// <param name="Failed">Given up after the last attempt; <c>LastError</c> in the database says why.</param>
/// <param name="OldestPendingAt">When the oldest unsent email was queued: a long-ago time means delivery is stuck.</param>
public sealed record EmailStatusResponse(bool Configured, string? Transport, int Pending, int Failed, int Sent, DateTimeOffset? OldestPendingAt);

public static class EmailEndpoints
{
    public static RouteGroupBuilder MapEmail(this RouteGroupBuilder api)
    {
        api.MapGet("/email/status", Status)
            .WithTags("Email").WithName("GetEmailStatus").WithSummary("How many notification emails wait, failed and were sent.")
            .RequireAuthorization(Policies.Administer);
        return api;
    }

    private static async Task<Ok<EmailStatusResponse>> Status(
        VouchDbContext db, EmailSettings settings, CancellationToken ct)
    {
        var counts = await db.OutboundEmails.GroupBy(e => e.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(OutboundEmailStatus status) => counts.SingleOrDefault(c => c.Status == status)?.Count ?? 0;
        var oldest = await db.OutboundEmails.Where(e => e.Status == OutboundEmailStatus.Pending)
            .OrderBy(e => e.CreatedAt).Select(e => (DateTimeOffset?)e.CreatedAt).FirstOrDefaultAsync(ct);
        var transport = settings.UsesSmtp ? "smtp" : settings.UsesPickupFolder ? "pickup-folder" : null;
        return TypedResults.Ok(new EmailStatusResponse(
            settings.IsConfigured, transport, Count(OutboundEmailStatus.Pending), Count(OutboundEmailStatus.Failed), Count(OutboundEmailStatus.Sent), oldest));
    }
}
