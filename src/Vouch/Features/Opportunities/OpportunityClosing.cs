using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;
using Vouch.Features.Users;

using Refusal = Vouch.Features.Ideas.Refusal;

namespace Vouch.Features.Opportunities;

/// <summary>How a deal ended: won or lost, for how much, on which day; <c>version</c> is the one the caller read.</summary>
public sealed record CloseOpportunityBody(bool? Won, decimal? Amount, DateOnly? CloseDate, Guid? Version);

public sealed record OpportunityResponse(
    Guid Id, string Name, Guid AccountId, string Account, decimal Amount, string Stage, DateOnly CloseDate, bool IsClosed, bool IsWon,
    string? Competitor, IReadOnlyList<string> Products, Guid? OwnerId, string? Owner, Guid Version);

/// <summary>
/// Who sees a deal and who closes it. Sellers see and close their own deals; reference managers and admins see and
/// close everyone's; executives see everyone's and close none. A deal someone may not see is not there for them.
/// </summary>
public static class OpportunityAccess
{
    public static bool ReadsAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ReferenceManager) || user.IsInRole(Roles.Executive);

    public static IQueryable<Opportunity> VisibleTo(this IQueryable<Opportunity> opportunities, ClaimsPrincipal user)
    {
        if (ReadsAll(user))
        {
            return opportunities;
        }
        var me = user.UserId();
        return opportunities.Where(o => o.OwnerId == me);
    }

    public static bool MayClose(ClaimsPrincipal user, Opportunity opportunity) =>
        Policies.RolesByPolicy[Policies.ManageInventory].Any(user.IsInRole)
        || (opportunity.OwnerId == user.UserId() && Policies.RolesByPolicy[RequestsModule.RequestReferences].Any(user.IsInRole));
}

/// <summary>
/// Closing a deal won or lost, one set of rules for the API and the page. A won deal is what revenue attribution
/// credits to the references that helped it, so the amount and day are the ones the deal closed with, not the forecast.
/// A close over someone else's newer change is refused, like every other edit.
/// </summary>
public sealed class OpportunityClosing(VouchDbContext db, TimeProvider clock)
{
    public const string WonStage = "Closed Won";
    public const string LostStage = "Closed Lost";

    /// <summary>The largest amount the column holds (18 digits, 2 after the point).</summary>
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;

    private static readonly Refusal s_notFound = new(StatusCodes.Status404NotFound, "The opportunity was not found.");

    public async Task<Refusal?> CloseAsync(ClaimsPrincipal user, Guid id, CloseOpportunityBody body, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ValidationErrors();
        if (body.Won is null)
        {
            errors.Add("won", "won is required: true when the deal was won, false when it was lost.");
        }
        if (body.Amount is not { } amount)
        {
            errors.Add("amount", "amount is required: what the deal closed at.");
        }
        else if (amount is < 0 or > MaxAmount)
        {
            errors.Add("amount", "amount must be 0 or more.");
        }
        if (body.CloseDate is not { } closeDate)
        {
            errors.Add("closeDate", "closeDate is required: the day the deal closed.");
        }
        else if (closeDate > today)
        {
            errors.Add("closeDate", "closeDate must be today or earlier: a deal is closed once it has closed.");
        }
        if (body.Version is null)
        {
            errors.Add("version", "version is required: send the version you read, so a concurrent change is not overwritten.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        var opportunity = await db.Opportunities.VisibleTo(user).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
        {
            return s_notFound;
        }
        if (!OpportunityAccess.MayClose(user, opportunity))
        {
            return new Refusal(StatusCodes.Status403Forbidden, "You may not close this deal.", "Only the seller who owns it or a reference manager closes a deal.");
        }
        if (body.Version != opportunity.Version)
        {
            return Stale;
        }
        if (opportunity.IsClosed)
        {
            return Refusal.Conflict("The deal is already closed.", $"It was {(opportunity.IsWon ? "won" : "lost")} on {opportunity.CloseDate:d MMM yyyy}.");
        }
        opportunity.IsClosed = true;
        opportunity.IsWon = body.Won!.Value;
        opportunity.Stage = opportunity.IsWon ? WonStage : LostStage;
        opportunity.Amount = body.Amount!.Value;
        opportunity.CloseDate = body.CloseDate!.Value;
        // The token compared in the UPDATE is the version the caller read, so a save between our read and write also fails.
        db.Entry(opportunity).Property(o => o.Version).OriginalValue = body.Version!.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return null;
    }

    public Task<OpportunityResponse?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        db.Opportunities.AsNoTracking().VisibleTo(user).Where(o => o.Id == id)
            .Select(o => new OpportunityResponse(
                o.Id, o.Name, o.AccountId, o.Account!.Name, o.Amount, o.Stage, o.CloseDate, o.IsClosed, o.IsWon, o.Competitor,
                o.Products.OrderBy(p => p.Name).Select(p => p.Name).ToList(), o.OwnerId, o.Owner == null ? null : o.Owner.DisplayName, o.Version))
            .SingleOrDefaultAsync(ct);

    private static Refusal Stale => Refusal.Conflict(
        "The record was changed by someone else.", "Reload it, reapply your change and save again with the new version.");
}
