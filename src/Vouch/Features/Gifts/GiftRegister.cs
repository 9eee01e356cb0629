using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Engagements;
using Vouch.Web;

namespace Vouch.Features.Gifts;

/// <summary>
/// Recording gifts within the gift policy, approving or refusing those that wait, and the policy itself: one set of
/// rules for the API and the pages. A refusal changes nothing; a gift given is a give in the ledger in the same save.
/// </summary>
public sealed partial class GiftRegister(VouchDbContext db, CurrentUser user, TimeProvider clock)
{
    public static readonly Refusal NotFound = Refusal.NotFound("The gift");

    /// <summary>Gifts newest first, a page at a time; of one contact when given.</summary>
    public async Task<CommandResult<Paged<GiftResponse>>> ListAsync(PageQuery page, Guid? contactId, string? stateText, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        var state = EnumText.Optional<GiftState>(stateText, "state", errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var gifts = db.Set<Gift>().AsNoTracking();
        if (contactId is { } id)
        {
            gifts = gifts.Where(g => g.ContactId == id);
        }
        if (state is { } s)
        {
            gifts = gifts.Where(g => g.State == s);
        }
        var total = await gifts.CountAsync(ct);
        var items = await Responses(gifts.OrderByDescending(g => g.GivenOn).ThenByDescending(g => g.RecordedAt).ThenByDescending(g => g.Id)
            .Skip(page.Skip).Take(page.Size)).ToListAsync(ct);
        return new Paged<GiftResponse>(items, total, page.PageNumber, page.Size);
    }

    public async Task<GiftResponse?> FindAsync(Guid id, CancellationToken ct) =>
        await Responses(db.Set<Gift>().AsNoTracking().Where(g => g.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Records a gift the policy allows (given, and a give in the ledger), or one that waits for approval (above the
    /// threshold, or an exception asked for); refuses one that breaks a rule, naming it and the numbers.
    /// </summary>
    public async Task<CommandResult<GiftResponse>> RecordAsync(GiftInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.ContactId is null)
        {
            errors.Add("contactId", "contactId is required.");
        }
        errors.Required("description", input.Description, Gift.DescriptionMaxLength);
        if (input.Value is null)
        {
            errors.Add("value", "value is required.");
        }
        else if (input.Value <= 0)
        {
            errors.Add("value", $"value must be more than 0; {input.Value} is not.");
        }
        else if (input.Value > 1_000_000_000 || decimal.Round(input.Value.Value, 2) != input.Value)
        {
            errors.Add("value", "value must have at most two decimals and be less than a billion.");
        }
        var currency = Currency("currency", input.Currency, errors);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.GivenOn is null)
        {
            errors.Add("givenOn", "givenOn is required: the day the gift was given.");
        }
        else if (input.GivenOn > today)
        {
            errors.Add("givenOn", "givenOn cannot be in the future: record a gift once it is given.");
        }
        errors.MaxLength("occasion", input.Occasion, Gift.OccasionMaxLength);
        errors.MaxLength("exceptionReason", input.ExceptionReason, Gift.NoteMaxLength);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == input.ContactId)
            .Select(c => new { c.Id, c.AccountId, c.FirstName, c.LastName, Industry = c.Account!.Industry!.Key })
            .SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return Refusal.Invalid("contactId", $"No contact has the id {input.ContactId}.");
        }
        var policy = await PolicyAsync(ct);
        var givenOn = input.GivenOn!.Value;
        var since = GiftPolicy.YearStart(givenOn);
        var past = await db.Set<Gift>().AsNoTracking()
            .Where(g => g.ContactId == contact.Id && g.State != GiftState.Refused && g.GivenOn >= since)
            .Select(g => new PastGift(g.Value, g.Currency, g.GivenOn, g.Occasion))
            .ToListAsync(ct);
        var exceptionReason = Trimmed(input.ExceptionReason);
        var verdict = GiftPolicy.Judge(policy.Rules, new ProposedGift(
            $"{contact.FirstName} {contact.LastName}", input.Value!.Value, currency!, givenOn, Trimmed(input.Occasion),
            TiedToRequest: input.RequestId is not null, TiedToDeal: input.OpportunityId is not null,
            PublicSector: contact.Industry is { } industry && policy.PublicSectorIndustries.Contains(industry),
            AsksException: exceptionReason is not null), past);
        if (verdict.Outcome == GiftOutcome.Refused)
        {
            return Refusal.Conflict(verdict.Rule!, verdict.Detail!);
        }

        var gift = new Gift
        {
            ContactId = contact.Id,
            Description = input.Description!.Trim(),
            Value = input.Value.Value,
            Currency = currency!,
            GivenOn = givenOn,
            Occasion = Trimmed(input.Occasion),
            State = verdict.Outcome == GiftOutcome.Given ? GiftState.Given : GiftState.AwaitingApproval,
            WaitsBecause = verdict.Outcome == GiftOutcome.AwaitingApproval ? verdict.Detail : null,
            Exception = verdict.Exception,
            ExceptionReason = verdict.Exception is null ? null : exceptionReason,
            RecordedById = user.Id,
            RecordedAt = clock.GetUtcNow(),
        };
        db.Add(gift);
        if (gift.State == GiftState.Given)
        {
            Give(gift, contact.AccountId, policy.HoursPerGift);
        }
        await db.SaveChangesAsync(ct);
        return (await FindAsync(gift.Id, ct))!;
    }

    /// <summary>Approves a gift that waits: it is given, and a give in the ledger. An exception needs a reason why.</summary>
    public Task<CommandResult<GiftResponse>> ApproveAsync(Guid id, GiftDecision decision, CancellationToken ct) =>
        DecideAsync(id, decision, approve: true, ct);

    /// <summary>Refuses a gift that waits, with a reason; it stays on record as refused and never reaches the ledger.</summary>
    public Task<CommandResult<GiftResponse>> RefuseAsync(Guid id, GiftDecision decision, CancellationToken ct) =>
        DecideAsync(id, decision, approve: false, ct);

    private async Task<CommandResult<GiftResponse>> DecideAsync(Guid id, GiftDecision decision, bool approve, CancellationToken ct)
    {
        var gift = await db.Set<Gift>().Include(g => g.Contact).SingleOrDefaultAsync(g => g.Id == id, ct);
        if (gift is null)
        {
            return NotFound;
        }
        var errors = new ValidationErrors();
        errors.MaxLength("note", decision.Note, Gift.NoteMaxLength);
        var note = Trimmed(decision.Note);
        if (note is null && (!approve || gift.Exception is not null))
        {
            errors.Add("note", approve
                ? "note is required to approve an exception to the gift policy: say why it is right here."
                : "note is required to refuse a gift: say why, for whoever recorded it.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (Versioning.Check(gift, decision.Version) is { } stale)
        {
            return stale;
        }
        if (gift.State != GiftState.AwaitingApproval)
        {
            return Refusal.Conflict("The gift does not wait for approval.", $"It is {Describe(gift.State)} already; only a gift awaiting approval is approved or refused.");
        }
        gift.State = approve ? GiftState.Given : GiftState.Refused;
        gift.DecidedById = user.Id;
        gift.DecidedAt = clock.GetUtcNow();
        gift.DecisionNote = note;
        if (approve)
        {
            Give(gift, gift.Contact!.AccountId, (await PolicyAsync(ct)).HoursPerGift);
        }
        var saved = await db.SaveOverAsync(gift, decision.Version!.Value, ct);
        return saved.Succeeded ? (await FindAsync(id, ct))! : saved.Refusal;
    }

    /// <summary>The policy in force: the saved row, or the defaults until an admin saves it.</summary>
    public async Task<GiftPolicySettings> PolicyAsync(CancellationToken ct) =>
        await db.Set<GiftPolicySettings>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == GiftPolicySettings.TheId, ct) ?? GiftPolicySettings.Default;

    public async Task<GiftPolicyResponse> PolicyResponseAsync(CancellationToken ct) => await ResponseAsync(await PolicyAsync(ct), ct);

    /// <summary>Replaces the policy, over the version the admin read (the defaults' version before a first save).</summary>
    public async Task<CommandResult<GiftPolicyResponse>> UpdatePolicyAsync(GiftPolicyInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var currency = Currency("currency", input.Currency, errors);
        decimal Amount(string field, decimal? value, decimal max)
        {
            if (value is null)
            {
                errors.Add(field, $"{field} is required.");
            }
            else if (value <= 0 || value > max || decimal.Round(value.Value, 2) != value)
            {
                errors.Add(field, $"{field} must be more than 0 and at most {max:0}, with at most two decimals.");
            }
            return value ?? 0;
        }
        var yearly = Amount("yearlyLimit", input.YearlyLimit, 1_000_000);
        var occasion = Amount("occasionLimit", input.OccasionLimit, 1_000_000);
        var publicYearly = Amount("publicSectorYearlyLimit", input.PublicSectorYearlyLimit, 1_000_000);
        var publicOccasion = Amount("publicSectorOccasionLimit", input.PublicSectorOccasionLimit, 1_000_000);
        var approvalAbove = Amount("approvalAbove", input.ApprovalAbove, 1_000_000);
        var hours = Amount("hoursPerGift", input.HoursPerGift, LedgerEntries.MaxCreditHours);
        var keys = (input.PublicSectorIndustries ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(Keys.FromName).Distinct().ToList();
        var known = await db.Industries.Where(i => keys.Contains(i.Key)).Select(i => i.Key).ToListAsync(ct);
        foreach (var unknown in keys.Except(known))
        {
            errors.Add("publicSectorIndustries", $"'{unknown}' is not a known industry; GET /api/v1/industries lists them.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var policy = await db.Set<GiftPolicySettings>().SingleOrDefaultAsync(p => p.Id == GiftPolicySettings.TheId, ct);
        var isNew = policy is null;
        policy ??= GiftPolicySettings.Default;
        if (Versioning.Check(policy, input.Version) is { } stale)
        {
            return stale;
        }
        policy.Currency = currency!;
        (policy.YearlyLimit, policy.OccasionLimit, policy.PublicSectorYearlyLimit, policy.PublicSectorOccasionLimit) = (yearly, occasion, publicYearly, publicOccasion);
        (policy.ApprovalAbove, policy.HoursPerGift, policy.PublicSectorIndustries) = (approvalAbove, hours, keys);
        if (isNew)
        {
            policy.Version = Guid.NewGuid();
            db.Add(policy);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another admin saved the first policy at the same moment.
                return Refusal.StaleVersion;
            }
        }
        else
        {
            var saved = await db.SaveOverAsync(policy, input.Version!.Value, ct);
            if (!saved.Succeeded)
            {
                return saved.Refusal;
            }
        }
        return await ResponseAsync(policy, ct);
    }

    public static string Describe(GiftState state) => state switch
    {
        GiftState.AwaitingApproval => "awaiting approval",
        GiftState.Given => "given",
        _ => "refused",
    };

    private void Give(Gift gift, Guid accountId, decimal hours)
    {
        gift.CreditHours = hours;
        db.Engagements.Add(LedgerEntries.NewGive(gift.ContactId, accountId, $"Gift: {gift.Description}", hours, gift.GivenOn, gift.Id));
    }

    private async Task<GiftPolicyResponse> ResponseAsync(GiftPolicySettings policy, CancellationToken ct)
    {
        var keys = policy.PublicSectorIndustries;
        var names = await db.Industries.Where(i => keys.Contains(i.Key)).OrderBy(i => i.Name).Select(i => i.Name).ToListAsync(ct);
        return new(policy.Currency, policy.YearlyLimit, policy.OccasionLimit, policy.PublicSectorYearlyLimit, policy.PublicSectorOccasionLimit,
            policy.ApprovalAbove, policy.HoursPerGift, names, policy.Version);
    }

    private IQueryable<GiftResponse> Responses(IQueryable<Gift> gifts) =>
        from g in gifts
        join recorder in db.Users on g.RecordedById equals recorder.Id
        join decider in db.Users on g.DecidedById equals decider.Id into deciders
        from decider in deciders.DefaultIfEmpty()
        select new GiftResponse(
            g.Id, g.ContactId, g.Contact!.FirstName + " " + g.Contact.LastName, g.Description, g.Value, g.Currency, g.GivenOn, g.Occasion,
            g.State == GiftState.Given ? nameof(GiftState.Given) : g.State == GiftState.Refused ? nameof(GiftState.Refused) : nameof(GiftState.AwaitingApproval),
            g.WaitsBecause, g.Exception, g.ExceptionReason, g.CreditHours,
            recorder.DisplayName == "" ? recorder.Email! : recorder.DisplayName, g.RecordedAt,
            decider == null ? null : decider.DisplayName == "" ? decider.Email : decider.DisplayName, g.DecidedAt, g.DecisionNote, g.Version);

    /// <summary>An ISO 4217 code as three letters, upper case; null (and an error) for anything else.</summary>
    private static string? Currency(string field, string? text, ValidationErrors errors)
    {
        var code = text?.Trim();
        if (code is null || !CurrencyCode().IsMatch(code))
        {
            errors.Add(field, $"{field} must be an ISO 4217 currency code of three letters, such as USD.");
            return null;
        }
        return code.ToUpperInvariant();
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CurrencyCode();
}
