using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;

namespace Vouch.Features.Opportunities;

/// <summary>How a deal ended: won or lost, for how much, on which day; <c>version</c> is the one the caller read.</summary>
public sealed record CloseOpportunityBody(bool? Won, decimal? Amount, DateOnly? CloseDate, Guid? Version);

public sealed record OpportunityResponse(
    Guid Id, string Name, Guid AccountId, string Account, decimal Amount, string Stage, DateOnly CloseDate, DateOnly? OpenedOn, bool IsClosed,
    bool IsWon, string? Competitor, IReadOnlyList<string> Products, Guid? OwnerId, string? Owner, Guid Version);

/// <summary>
/// Who sees a deal and who closes it. Sellers see and close their own deals; reference managers and admins see and
/// close everyone's; executives see everyone's and close none. A deal someone may not see is not there for them.
/// </summary>
public sealed record OpportunityAccess(Guid UserId, bool ReadsAll, bool ClosesAll, bool ClosesOwn)
{
    public static async Task<OpportunityAccess> OfAsync(CurrentUser user) => new(
        user.Id,
        // Reference managers, admins and executives see every deal: the people the reports policy lets in.
        await user.MayAsync(Policies.ReadReports),
        await user.MayAsync(Policies.ManageInventory),
        await user.MayAsync(RequestsModule.RequestReferences));

    /// <summary>The deals of <paramref name="opportunities"/> the user sees.</summary>
    public IQueryable<Opportunity> Visible(IQueryable<Opportunity> opportunities) =>
        ReadsAll ? opportunities : opportunities.Where(o => o.OwnerId == UserId);

    public bool MayClose(Opportunity opportunity) => ClosesAll || (ClosesOwn && opportunity.OwnerId == UserId);
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

    private static readonly Refusal s_notFound = Refusal.NotFound("The opportunity");

    public async Task<CommandResult> CloseAsync(OpportunityAccess access, Guid id, CloseOpportunityBody body, CancellationToken ct)
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
            errors.Add("version", Versioning.VersionRequired);
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        var opportunity = await access.Visible(db.Opportunities).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
        {
            return s_notFound;
        }
        if (!access.MayClose(opportunity))
        {
            return Refusal.Forbidden("You may not close this deal.", "Only the seller who owns it or a reference manager closes a deal.");
        }
        if (Versioning.Check(opportunity, body.Version) is { } stale)
        {
            return stale;
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
        return await db.SaveOverAsync(opportunity, body.Version!.Value, ct);
    }

    /// <summary>The deal the user has just closed, which they see since they closed it.</summary>
    public async Task<OpportunityResponse> GetAsync(OpportunityAccess access, Guid id, CancellationToken ct) =>
        await FindAsync(access, id, ct) ?? throw new InvalidOperationException($"The opportunity {id} is not there for the one who just closed it.");

    public Task<OpportunityResponse?> FindAsync(OpportunityAccess access, Guid id, CancellationToken ct) =>
        access.Visible(db.Opportunities.AsNoTracking()).Where(o => o.Id == id).Select(OpportunityQueries.Response).SingleOrDefaultAsync(ct);
}
