using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;

namespace Vouch.Features.Opportunities;

/// <summary>A new deal: at which account, what, for how much, at which stage, closing when; the owner is the seller creating it.</summary>
public sealed record OpportunityInput(
    Guid? AccountId, string? Name, decimal? Amount, string? Stage, DateOnly? CloseDate, string? Competitor = null, Guid? OwnerId = null);

/// <summary>
/// Creating deals, for the API, the opportunities page and a referral that becomes a deal. A seller owns the deals they
/// create; reference managers and admins may name another owner.
/// </summary>
public sealed class OpportunityWrites(VouchDbContext db, TimeProvider clock)
{
    public const string DefaultStage = "Prospecting";
    public const int StageMaxLength = 40;
    public const int CompetitorMaxLength = 100;

    public async Task<CommandResult<OpportunityResponse>> CreateAsync(OpportunityAccess access, OpportunityInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var opportunity = Draft(input.Name, input.Amount, input.Stage, input.CloseDate, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors, "");
        errors.MaxLength("competitor", input.Competitor, CompetitorMaxLength);
        if (input.AccountId is not { } accountId)
        {
            errors.Add("accountId", "accountId is required: the account the deal is with.");
        }
        else if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
        {
            errors.Add("accountId", $"accountId {accountId} is not an account.");
        }
        var ownerId = input.OwnerId ?? access.UserId;
        if (ownerId != access.UserId && !access.ClosesAll)
        {
            errors.Add("ownerId", "ownerId: a seller owns the deals they create; leave it out.");
        }
        else if (ownerId != access.UserId && !await db.Users.AnyAsync(u => u.Id == ownerId, ct))
        {
            errors.Add("ownerId", $"ownerId {ownerId} is not a user.");
        }
        if (!errors.IsEmpty || opportunity is null)
        {
            return Refusal.Invalid(errors);
        }
        opportunity.AccountId = input.AccountId!.Value;
        opportunity.OwnerId = ownerId;
        opportunity.Competitor = string.IsNullOrWhiteSpace(input.Competitor) ? null : input.Competitor.Trim();
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(ct);
        return (await FindAsync(opportunity.Id, ct))!;
    }

    /// <summary>
    /// A new open deal from its fields, opened on <paramref name="today"/>, or null with what is wrong added to
    /// <paramref name="errors"/>, each field named with <paramref name="prefix"/> ("create." when the deal is part of a
    /// larger body).
    /// </summary>
    public static Opportunity? Draft(
        string? name, decimal? amount, string? stage, DateOnly? closeDate, DateOnly today, ValidationErrors errors, string prefix)
    {
        var invalid = new ValidationErrors();
        invalid.Required(prefix + "name", name, Account.NameMaxLength);
        if (amount is not { } value)
        {
            invalid.Add(prefix + "amount", $"{prefix}amount is required: what the deal is expected to bring.");
        }
        else if (value is < 0 or > OpportunityClosing.MaxAmount)
        {
            invalid.Add(prefix + "amount", $"{prefix}amount must be 0 or more.");
        }
        if (closeDate is null)
        {
            invalid.Add(prefix + "closeDate", $"{prefix}closeDate is required: when the deal is expected to close.");
        }
        invalid.MaxLength(prefix + "stage", stage, StageMaxLength);
        var trimmedStage = string.IsNullOrWhiteSpace(stage) ? DefaultStage : stage.Trim();
        if (trimmedStage is OpportunityClosing.WonStage or OpportunityClosing.LostStage)
        {
            invalid.Add(prefix + "stage", $"{prefix}stage '{trimmedStage}' is a closed deal's: a new deal is open; close it once it has closed.");
        }
        foreach (var (field, messages) in invalid.ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }
        return invalid.IsEmpty
            ? new Opportunity { Name = name!.Trim(), Amount = amount!.Value, Stage = trimmedStage, CloseDate = closeDate!.Value, OpenedOn = today }
            : null;
    }

    private Task<OpportunityResponse?> FindAsync(Guid id, CancellationToken ct) =>
        db.Opportunities.AsNoTracking().Where(o => o.Id == id).Select(OpportunityQueries.Response).SingleOrDefaultAsync(ct);
}
