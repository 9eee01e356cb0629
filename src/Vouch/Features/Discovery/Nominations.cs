using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Web;

namespace Vouch.Features.Discovery;

/// <summary>
/// Nominating customers as future advocates and deciding on the nominations: one set of rules for the API and the
/// pages. Won deals propose their contacts when the list is read (<see cref="ProposeFromWonDealsAsync"/>).
/// </summary>
public sealed class Nominations(VouchDbContext db, CurrentUser user, AuditActor actor, IOptions<DiscoveryOptions> options, TimeProvider clock)
{
    public static readonly Refusal NotFound = Refusal.NotFound("The nomination");

    /// <summary>Won deals proposed per reading of the list at most; the rest follow on the next reading.</summary>
    public const int ProposalsPerRead = 100;

    public async Task<CommandResult<Paged<NominationResponse>>> ListAsync(PageQuery page, NominationFilter filter, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        var state = EnumText.Optional<NominationState>(filter.State, "state", errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        await ProposeFromWonDealsAsync(ct);
        var nominations = db.Set<Nomination>().AsNoTracking();
        if (state is { } s)
        {
            nominations = nominations.Where(n => n.State == s);
        }
        var total = await nominations.CountAsync(ct);
        var items = await Responses(nominations.OrderByDescending(n => n.ProposedAt).ThenByDescending(n => n.Id).Skip(page.Skip).Take(page.Size))
            .ToListAsync(ct);
        return new Paged<NominationResponse>(items, total, page.PageNumber, page.Size);
    }

    public async Task<NominationResponse?> FindAsync(Guid id, CancellationToken ct) =>
        await Responses(db.Set<Nomination>().AsNoTracking().Where(n => n.Id == id)).SingleOrDefaultAsync(ct);

    /// <summary>Proposes a customer as a future advocate, with a reason; refused for advocates, erased contacts and contacts already nominated.</summary>
    public async Task<CommandResult<NominationResponse>> NominateAsync(NominationInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("reason", input.Reason, Nomination.ReasonMaxLength);
        Contact? contact = null;
        if (input.ContactId is not { } contactId)
        {
            errors.Add("contactId", "contactId is required.");
        }
        else if ((contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, ct)) is null)
        {
            errors.Add("contactId", "No contact has this id.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (await WhyNotNominated(contact!, ct) is { } refusal)
        {
            return refusal;
        }
        var nomination = new Nomination
        {
            ContactId = contact!.Id,
            Source = NominationSource.Person,
            NominatedById = user.Id,
            Reason = input.Reason!.Trim(),
            ProposedAt = clock.GetUtcNow(),
            State = NominationState.Proposed,
        };
        db.Add(nomination);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone nominated the same contact at the same moment: the open-nomination index let only one in.
            db.Entry(nomination).State = EntityState.Detached;
            return AlreadyNominated(contact);
        }
        return (await FindAsync(nomination.Id, ct))!;
    }

    /// <summary>Why <paramref name="contact"/> cannot be nominated now, or null when they can.</summary>
    public async Task<Refusal?> WhyNotNominated(Contact contact, CancellationToken ct)
    {
        if (CandidateScoring.IsErased(contact.FirstName, contact.LastName))
        {
            return Refusal.Conflict("The contact cannot be nominated.", "Their personal data was erased.");
        }
        if (contact.AdvocacyStage is AdvocacyStage.Advocate or AdvocacyStage.RockStar)
        {
            return Refusal.Conflict("The contact cannot be nominated.", $"{contact.FullName} is already an advocate ({contact.AdvocacyStage}).");
        }
        var open = await db.Set<Nomination>().AsNoTracking()
            .Where(n => n.ContactId == contact.Id && (n.State == NominationState.Proposed || n.State == NominationState.Accepted))
            .Select(n => (NominationState?)n.State).FirstOrDefaultAsync(ct);
        return open switch
        {
            NominationState.Proposed => AlreadyNominated(contact),
            NominationState.Accepted => Refusal.Conflict("The contact cannot be nominated.", $"{contact.FullName} is already being recruited."),
            _ => null,
        };
    }

    private static Refusal AlreadyNominated(Contact contact) =>
        Refusal.Conflict("The contact cannot be nominated.", $"{contact.FullName} already has an open nomination.");

    /// <summary>Accepts the nomination: the contact is being recruited from now on, and a customer becomes a promoter.</summary>
    public Task<CommandResult<NominationResponse>> AcceptAsync(Guid id, NominationDecision decision, CancellationToken ct) =>
        DecideAsync(id, NominationState.Accepted, decision, ct);

    /// <summary>Declines the nomination, with a note saying why.</summary>
    public Task<CommandResult<NominationResponse>> DeclineAsync(Guid id, NominationDecision decision, CancellationToken ct) =>
        DecideAsync(id, NominationState.Declined, decision, ct);

    private async Task<CommandResult<NominationResponse>> DecideAsync(Guid id, NominationState state, NominationDecision decision, CancellationToken ct)
    {
        var nomination = await db.Set<Nomination>().Include(n => n.Contact).Include(n => n.DecidedBy).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (nomination?.Contact is null)
        {
            return NotFound;
        }
        if (nomination.State != NominationState.Proposed)
        {
            return Refusal.Conflict("The nomination was already decided.",
                $"It was {nomination.State.ToString().ToLowerInvariant()} on {nomination.DecidedAt:yyyy-MM-dd} by {nomination.DecidedBy?.DisplayName ?? "someone no longer here"}.");
        }
        var errors = new ValidationErrors();
        if (state == NominationState.Declined)
        {
            errors.Required("note", decision.Note, Nomination.NoteMaxLength);
        }
        else
        {
            errors.MaxLength("note", decision.Note, Nomination.NoteMaxLength);
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (Versioning.Check(nomination, decision.Version) is { } refusal)
        {
            return refusal;
        }
        nomination.State = state;
        nomination.DecidedById = user.Id;
        nomination.DecidedAt = clock.GetUtcNow();
        nomination.DecisionNote = string.IsNullOrWhiteSpace(decision.Note) ? null : decision.Note.Trim();
        if (state == NominationState.Accepted && nomination.Contact.AdvocacyStage == AdvocacyStage.Customer)
        {
            nomination.Contact.AdvocacyStage = AdvocacyStage.Promoter;
        }
        var saved = await db.SaveOverAsync(nomination, decision.Version!.Value, ct);
        return saved.Succeeded ? (await FindAsync(id, ct))! : saved.Refusal;
    }

    /// <summary>
    /// Proposes the contacts of deals won <see cref="DiscoveryOptions.WonDealAfterDays"/> days ago or earlier (within
    /// <see cref="DiscoveryOptions.WonDealWithinDays"/> more) as nominations, each deal and contact once: the unique
    /// index on the deal and the contact keeps two instances reading at once from proposing twice, and the one on open
    /// nominations from proposing a contact someone has just nominated.
    /// </summary>
    public async Task<int> ProposeFromWonDealsAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var upTo = today.AddDays(-options.Value.WonDealAfterDays);
        var from = upTo.AddDays(-options.Value.WonDealWithinDays);
        var nominations = db.Set<Nomination>();
        var roles = await db.OpportunityContactRoles.AsNoTracking()
            .Where(r => r.Opportunity!.IsWon && r.Opportunity.IsClosed && r.Opportunity.CloseDate <= upTo && r.Opportunity.CloseDate > from)
            .Where(r => r.Contact!.AdvocacyStage == AdvocacyStage.Customer || r.Contact.AdvocacyStage == AdvocacyStage.Promoter)
            .Where(r => !(r.Contact!.FirstName == PersonalData.ErasedFirstName && r.Contact.LastName == PersonalData.ErasedLastName))
            .Where(r => !nominations.Any(n => n.OpportunityId == r.OpportunityId && n.ContactId == r.ContactId))
            .Where(r => !nominations.Any(n => n.ContactId == r.ContactId && (n.State == NominationState.Proposed || n.State == NominationState.Accepted)))
            .OrderBy(r => r.Opportunity!.CloseDate).ThenBy(r => r.Id)
            .Select(r => new { r.OpportunityId, r.ContactId, Deal = r.Opportunity!.Name, r.Opportunity.CloseDate, r.Role })
            .Take(ProposalsPerRead)
            .ToListAsync(ct);
        var proposed = 0;
        foreach (var role in roles.DistinctBy(r => r.ContactId))
        {
            var nomination = new Nomination
            {
                ContactId = role.ContactId,
                Source = NominationSource.WonDeal,
                OpportunityId = role.OpportunityId,
                Reason = Truncate($"Won {role.Deal} on {role.CloseDate:yyyy-MM-dd}; {role.Role ?? "a contact on the deal"}"),
                ProposedAt = clock.GetUtcNow(),
                State = NominationState.Proposed,
            };
            db.Add(nomination);
            actor.Attribute(nomination, (null, "won deal"));
            try
            {
                await db.SaveChangesAsync(ct);
                proposed++;
            }
            catch (DbUpdateException)
            {
                // Another instance proposed it first, or someone nominated the contact meanwhile.
                db.Entry(nomination).State = EntityState.Detached;
            }
        }
        return proposed;
    }

    private static string Truncate(string reason) => reason.Length <= Nomination.ReasonMaxLength ? reason : reason[..Nomination.ReasonMaxLength];

    /// <summary>The contact's nomination that matters now: an open one, or else the accepted one that put them into recruiting.</summary>
    public async Task<NominationResponse?> CurrentOfAsync(Guid contactId, CancellationToken ct) =>
        await Responses(db.Set<Nomination>().AsNoTracking()
                .Where(n => n.ContactId == contactId && (n.State == NominationState.Proposed || n.State == NominationState.Accepted))
                .OrderByDescending(n => n.ProposedAt))
            .FirstOrDefaultAsync(ct);

    private static IQueryable<NominationResponse> Responses(IQueryable<Nomination> nominations) =>
        nominations.Select(n => new NominationResponse(
            n.Id, n.ContactId, n.Contact!.FirstName + " " + n.Contact.LastName, n.Contact.AccountId, n.Contact.Account!.Name,
            n.Source.ToString(), n.NominatedBy == null ? null : n.NominatedBy.DisplayName, n.OpportunityId, n.Reason, n.ProposedAt,
            n.State.ToString(), n.DecidedBy == null ? null : n.DecidedBy.DisplayName, n.DecidedAt, n.DecisionNote, n.Version));
}
