using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;

namespace Vouch.Features.Referrals;

/// <summary>A peer an advocate refers: the prospect company and the person to talk to.</summary>
public sealed record ReferralInput(string? Company, string? CompanyDomain, string? PersonName, string? PersonTitle, string? PersonEmail, string? Note);

public sealed record ReferralResponse(
    Guid Id, Guid ReferredById, string ReferredBy, string Company, string? CompanyDomain, string PersonName, string? PersonTitle,
    string? PersonEmail, string? Note, string Status, DateTimeOffset CreatedAt);

/// <summary>A referral recorded: the new one, or the first referral of the same prospect that the new one was merged into.</summary>
public sealed record RecordedReferral(Guid Id, bool IsNew);

/// <summary>
/// Records referrals and takes them through their life: one prospect is one referral (the same prospect again is merged
/// into the first, see <see cref="ReferralDeduplication"/>), a customer is no referral, each is a completed ask of the
/// advocate in the ledger, the team moves it through its stages (<see cref="ReferralStages"/>) and links it to its deal.
/// </summary>
public sealed class ReferralIntake(VouchDbContext db, CurrentUser user, AdvocateAsks asks, TimeProvider clock)
{
    public const int MaxListed = 200;
    public const string ActivityKey = "referral";

    /// <summary>The names of a prospect's fields, as the portal's and the team's bodies call them.</summary>
    private sealed record Fields(string Advocate, string Company, string Person, string Title, string Email);

    private sealed record Prospect(string? Company, string? CompanyDomain, string? Person, string? Title, string? Email, string? Note);

    private static readonly Fields s_portalFields = new("referredById", "company", "personName", "personTitle", "personEmail");
    private static readonly Fields s_teamFields = new("referrerContactId", "prospectCompany", "prospectName", "prospectTitle", "prospectEmail");
    private static readonly Refusal s_notFound = Refusal.NotFound("The referral");

    /// <summary>
    /// The advocate refers a peer from the portal. A prospect referred already is not referred again: the advocate is told
    /// so, without learning by whom, and is noted as having referred them too.
    /// </summary>
    public async Task<CommandResult<ReferralResponse>> ReferAsync(Guid referredById, ReferralInput input, CancellationToken ct)
    {
        var recorded = await RecordAsync(referredById, new Prospect(input.Company, input.CompanyDomain, input.PersonName, input.PersonTitle, input.PersonEmail, input.Note),
            s_portalFields, ct);
        if (!recorded.Succeeded)
        {
            return recorded.Refusal.Kind == RefusalKind.Invalid && recorded.Refusal.Errors!.ContainsKey(s_portalFields.Advocate)
                ? Refusal.NotFound("The contact") : recorded.Refusal;
        }
        if (!recorded.Value.IsNew)
        {
            return Refusal.Conflict($"{input.PersonName!.Trim()} at {input.Company!.Trim()} was referred to us already.",
                "The credit stays with that first referral; we noted that you referred them too. Thank you.");
        }
        return (await ListAsync(referredById, ct)).Single(r => r.Id == recorded.Value.Id);
    }

    /// <summary>The team records a referral an advocate made.</summary>
    public Task<CommandResult<RecordedReferral>> RecordAsync(ReferralBody body, CancellationToken ct) =>
        body.ReferrerContactId is { } referrer
            ? RecordAsync(referrer, new Prospect(body.ProspectCompany, body.CompanyDomain, body.ProspectName, body.ProspectTitle, body.ProspectEmail, body.Note), s_teamFields, ct)
            : Task.FromResult<CommandResult<RecordedReferral>>(Refusal.Invalid(s_teamFields.Advocate, $"{s_teamFields.Advocate} is required: the advocate who referred them."));

    private async Task<CommandResult<RecordedReferral>> RecordAsync(Guid referredById, Prospect input, Fields fields, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required(fields.Company, input.Company, Referral.NameMaxLength);
        errors.Required(fields.Person, input.Person, Referral.NameMaxLength);
        errors.MaxLength(fields.Title, input.Title, Referral.NameMaxLength);
        errors.MaxLength(fields.Email, input.Email, Contacts.Contact.EmailMaxLength);
        errors.MaxLength("note", input.Note, Referral.NoteMaxLength);
        errors.MaxLength("companyDomain", input.CompanyDomain, Referral.NameMaxLength);
        var key = ReferralDeduplication.KeyOf(input.CompanyDomain, input.Email);
        if (key.Email is { } email && !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(fields.Email, $"'{input.Email!.Trim()}' is not an email address.");
        }
        if (!string.IsNullOrWhiteSpace(input.CompanyDomain) && ReferralDeduplication.Domain(input.CompanyDomain) is null)
        {
            errors.Add("companyDomain", $"'{input.CompanyDomain}' is not a web domain such as example.com.");
        }
        var advocate = await db.Contacts.AsNoTracking().Where(c => c.Id == referredById).Select(c => new { c.Id, c.AccountId }).SingleOrDefaultAsync(ct);
        if (advocate is null)
        {
            errors.Add(fields.Advocate, $"{fields.Advocate} {referredById} is not a contact.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var company = input.Company!.Trim();
        var now = clock.GetUtcNow();

        // The duplicate check and the insert in one transaction, which the ledger's ask needs too.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await FirstReferralOfAsync(key, ct) is { } first)
        {
            db.Add(new MergedReferral { ReferralId = first.Id, ReferredById = advocate!.Id, At = now, Note = Clean(input.Note), RecordedById = user.Id });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new RecordedReferral(first.Id, IsNew: false);
        }
        if (ReferralDeduplication.AlreadyCustomer(await CustomerMatchAsync(company, key.Email, ct), fields.Company, fields.Email, key.Email) is var (field, reason))
        {
            return Refusal.Invalid(field, reason);
        }
        var referral = new Referral
        {
            ReferredById = advocate!.Id,
            AccountId = advocate.AccountId,
            Company = company,
            CompanyDomain = key.Domain,
            PersonName = input.Person!.Trim(),
            PersonTitle = Clean(input.Title),
            PersonEmail = key.Email,
            Note = Clean(input.Note),
            Status = ReferralStatus.New,
            CreatedAt = now,
            RecordedById = user.Id,
        };
        db.Add(referral);
        await AddAskAsync(referral, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RecordedReferral(referral.Id, IsNew: true);
    }

    /// <summary>
    /// The referral is an ask of the advocate's time that they already gave, so it goes in the ledger as completed. It is
    /// their own initiative: when the ask rules would refuse it (a rest period, a limit, no consent for referrals) it is
    /// still recorded, since refusing what they already did would only lose it (docs/decisions/0021-referral-deduplication.md).
    /// </summary>
    private Task AddAskAsync(Referral referral, CancellationToken ct) =>
        asks.RecordUnaskedAsync(referral.ReferredById, referral.AccountId, ActivityKey, referral.CreatedAt, $"Referred {referral.PersonName} at {referral.Company}", ct);

    /// <summary>The first referral of the prospect, by the indexed domain and email columns.</summary>
    private async Task<KnownReferral?> FirstReferralOfAsync(ProspectKey key, CancellationToken ct)
    {
        if (key.IsEmpty)
        {
            return null;
        }
        var known = await db.Set<Referral>().AsNoTracking()
            .Where(r => (key.Domain != null && r.CompanyDomain == key.Domain) || (key.Email != null && r.PersonEmail == key.Email))
            .Select(r => new KnownReferral(r.Id, r.CompanyDomain, r.PersonEmail, r.CreatedAt))
            .ToListAsync(ct);
        return ReferralDeduplication.SameProspect(key, known);
    }

    /// <summary>
    /// A customer is an account with a customer-since date, a contract date or a won deal; a prospect account (one a
    /// referral's deal was created at) has none of them. Contacts' emails are compared as stored and in lower case, which
    /// the email index serves.
    /// </summary>
    private async Task<CustomerMatch> CustomerMatchAsync(string company, string? email, CancellationToken ct)
    {
        var name = company.ToLowerInvariant();
        var customers = db.Accounts.Where(a => a.CustomerSince != null || a.ContractDate != null || db.Opportunities.Any(o => o.AccountId == a.Id && o.IsClosed && o.IsWon));
        var named = await customers.Where(a => a.Name.ToLower() == name).Select(a => a.Name).FirstOrDefaultAsync(ct);
        var ofEmail = email is null ? null : await db.Contacts
            .Where(c => c.Email == email && customers.Any(a => a.Id == c.AccountId))
            .Select(c => c.Account!.Name).FirstOrDefaultAsync(ct);
        return new CustomerMatch(named, ofEmail);
    }

    /// <summary>Moves a referral to another stage, as <see cref="ReferralStages"/> allows; <c>version</c> is the one the caller read.</summary>
    public async Task<CommandResult> MoveAsync(Guid id, ReferralStatusBody body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var to = EnumText.Optional<ReferralStatus>(body.Status, "status", errors);
        if (to is null && errors.IsEmpty)
        {
            errors.Add("status", $"status is required: {EnumText.MustBeOneOf<ReferralStatus>("status")}");
        }
        if (body.Version is null)
        {
            errors.Add("version", Versioning.VersionRequired);
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var referral = await db.Set<Referral>().Include(r => r.Opportunity).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return s_notFound;
        }
        if (Versioning.Check(referral, body.Version) is { } stale)
        {
            return stale;
        }
        var from = StatusOf(referral);
        if (ReferralStages.WhyNot(from, to!.Value) is { } why)
        {
            return Refusal.Conflict($"The referral cannot move from {from} to {to}.", why);
        }
        Move(referral, to.Value);
        return await db.SaveOverAsync(referral, body.Version!.Value, ct);
    }

    /// <summary>
    /// Links the referral to its deal, an existing one or one created from it at the prospect's account (made as a prospect
    /// account, with no customer-since date, when no account has the company's name). The referral is then an opportunity,
    /// and won or lost as the deal closes.
    /// </summary>
    public async Task<CommandResult> LinkAsync(OpportunityAccess access, Guid id, ReferralOpportunityBody body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Opportunity? created = null;
        if (body.OpportunityId is null && body.Create is null)
        {
            errors.Add("opportunityId", "opportunityId or create is required: the deal the referral became, or the one to create from it.");
        }
        else if (body.OpportunityId is not null && body.Create is not null)
        {
            errors.Add("create", "create: send either opportunityId or create, not both.");
        }
        else if (body.Create is { } create)
        {
            created = OpportunityWrites.Draft(create.Name, create.Amount, create.Stage, create.CloseDate,
                DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors, "create.");
        }
        if (body.Version is null)
        {
            errors.Add("version", Versioning.VersionRequired);
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var referral = await db.Set<Referral>().Include(r => r.Opportunity).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return s_notFound;
        }
        if (Versioning.Check(referral, body.Version) is { } stale)
        {
            return stale;
        }
        if (referral.Opportunity is { } linked)
        {
            return Refusal.Conflict("The referral is linked to its deal already.", $"It became {linked.Name}.");
        }
        if (referral.Status == ReferralStatus.Lost)
        {
            return Refusal.Conflict("The referral is lost.", "Reopen it as contacted before it becomes a deal.");
        }
        if (body.OpportunityId is { } opportunityId)
        {
            var deal = await access.Visible(db.Opportunities).Where(o => o.Id == opportunityId).Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(ct);
            if (deal is null)
            {
                return Refusal.Invalid("opportunityId", $"opportunityId {opportunityId} is not an opportunity you can see.");
            }
            if (await db.Set<Referral>().Where(r => r.OpportunityId == opportunityId).Select(r => r.PersonName + " at " + r.Company).FirstOrDefaultAsync(ct) is { } other)
            {
                return Refusal.Conflict($"{deal.Name} is credited to another referral already.",
                    $"It came from the referral of {other}; one deal is credited to one referral, so its revenue is not counted twice.");
            }
            referral.OpportunityId = opportunityId;
        }
        else
        {
            var name = referral.Company.ToLowerInvariant();
            var accountId = await db.Accounts.Where(a => a.Name.ToLower() == name).OrderBy(a => a.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (accountId is null)
            {
                var prospect = new Account { Name = referral.Company };
                db.Accounts.Add(prospect);
                accountId = prospect.Id;
            }
            created!.AccountId = accountId.Value;
            created.OwnerId = access.UserId;
            db.Opportunities.Add(created);
            referral.OpportunityId = created.Id;
        }
        Move(referral, ReferralStatus.Opportunity);
        return await db.SaveOverAsync(referral, body.Version!.Value, ct);
    }

    private void Move(Referral referral, ReferralStatus to)
    {
        var now = clock.GetUtcNow();
        db.Add(new ReferralMove { ReferralId = referral.Id, From = referral.Status, To = to, At = now, ById = user.Id });
        referral.Status = to;
    }

    /// <summary>The status people see (<see cref="ReferralStages.Outcome"/>) of a referral loaded with its deal.</summary>
    private static ReferralStatus StatusOf(Referral r) =>
        ReferralStages.Outcome(r.Status, r.Opportunity is not null, r.Opportunity?.IsClosed == true, r.Opportunity?.IsWon == true);

    /// <summary>The newest referrals of one advocate (their portal's list), or of everyone.</summary>
    public async Task<IReadOnlyList<ReferralResponse>> ListAsync(Guid? referredById, CancellationToken ct)
    {
        var rows = await db.Set<Referral>().AsNoTracking()
            .Where(r => referredById == null || r.ReferredById == referredById)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(MaxListed)
            .Select(r => new
            {
                Response = new ReferralResponse(r.Id, r.ReferredById, r.ReferredBy!.FirstName + " " + r.ReferredBy.LastName, r.Company, r.CompanyDomain,
                    r.PersonName, r.PersonTitle, r.PersonEmail, r.Note, r.Status.ToString(), r.CreatedAt),
                r.Status,
                HasDeal = r.OpportunityId != null,
                Closed = r.Opportunity != null && r.Opportunity.IsClosed,
                Won = r.Opportunity != null && r.Opportunity.IsWon,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => r.Response with { Status = ReferralStages.Outcome(r.Status, r.HasDeal, r.Closed, r.Won).ToString() })];
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
