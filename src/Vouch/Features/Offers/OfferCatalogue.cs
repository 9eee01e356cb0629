using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;

namespace Vouch.Features.Offers;

/// <summary>A step of an application after applying.</summary>
public enum ApplicationStep { Accept, Decline, Deliver, Withdraw }

/// <summary>
/// Who acts on an application: the reference team (any application of the offer named), or an advocate in the portal
/// (only their own, so another advocate's application is not found).
/// </summary>
public sealed record ApplicationActor(string Name, AppliedBy By, Guid? OfferId = null, Guid? OwnContactId = null)
{
    public static ApplicationActor Team(string name, Guid offerId) => new(name, AppliedBy.Team, offerId);

    public static ApplicationActor Advocate(string name, Guid contactId) => new(name, AppliedBy.Advocate, OwnContactId: contactId);
}

/// <summary>
/// The offers, their applications and the needs assessment: one set of rules for the API and the pages. Accepting
/// takes a seat of the offer in the same versioned save as the application, so two accepts racing for the last seat
/// cannot both win; delivering writes the give to the ledger in the same save.
/// </summary>
public sealed class OfferCatalogue(VouchDbContext db, OfferQueries queries, TimeProvider clock)
{
    public static readonly Refusal OfferNotFound = Refusal.NotFound("The offer");
    public static readonly Refusal ApplicationNotFound = Refusal.NotFound("The application");
    public static readonly Refusal ContactNotFound = Refusal.NotFound("The contact");

    public const decimal MaxCreditHours = 1000m;

    /// <summary>How often a step that lost a race for the offer is read again and retried before it is refused.</summary>
    private const int Attempts = 4;

    public async Task<CommandResult<OfferResponse>> CreateAsync(OfferInput input, CancellationToken ct)
    {
        var offer = new Offer { Title = "", State = OfferState.Draft, CreatedAt = clock.GetUtcNow() };
        if (await ApplyAsync(input, offer, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(offer);
        await db.SaveChangesAsync(ct);
        return (await queries.FindAsync(offer.Id, ct))!;
    }

    /// <summary>Replaces the offer's fields, saving only over the version the caller read.</summary>
    public async Task<CommandResult<OfferResponse>> UpdateAsync(Guid id, OfferInput input, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return OfferNotFound;
        }
        if ((Versioning.Check(offer, input.Version) ?? await ApplyAsync(input, offer, ct)) is { } refusal)
        {
            return refusal;
        }
        var saved = await db.SaveOverAsync(offer, input.Version!.Value, ct);
        return saved.Succeeded ? (await queries.FindAsync(id, ct))! : saved.Refusal;
    }

    /// <summary>Deletes an offer nobody applied to; one with applications is closed instead, so its gives keep their offer.</summary>
    public async Task<CommandResult> DeleteAsync(Guid id, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return OfferNotFound;
        }
        var applications = await db.Set<OfferApplication>().CountAsync(a => a.OfferId == id, ct);
        if (applications > 0)
        {
            return Refusal.Conflict("The offer has applications.", $"{Applications(applications)} to it; close it instead, so they and their gives keep their offer.");
        }
        db.Remove(offer);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Opens a draft or closed offer to applications; one whose closing day has passed needs new dates first.</summary>
    public async Task<CommandResult<OfferResponse>> OpenAsync(Guid id, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return OfferNotFound;
        }
        if (offer.State == OfferState.Open)
        {
            return Refusal.Conflict("The offer is open already.", $"It is {offer.StateOn(queries.Today).ToString().ToLowerInvariant()}.");
        }
        if (offer.ClosesOn < queries.Today)
        {
            return Refusal.Conflict("The offer's closing day has passed.", $"It closed on {offer.ClosesOn:yyyy-MM-dd}; set a later closing day first.");
        }
        offer.State = OfferState.Open;
        await db.SaveChangesAsync(ct);
        return (await queries.FindAsync(id, ct))!;
    }

    /// <summary>Closes an offer to applications by hand; accepted applications can still be delivered.</summary>
    public async Task<CommandResult<OfferResponse>> CloseAsync(Guid id, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return OfferNotFound;
        }
        if (offer.State == OfferState.Closed)
        {
            return Refusal.Conflict("The offer is closed already.", "Open it again to take applications.");
        }
        offer.State = OfferState.Closed;
        await db.SaveChangesAsync(ct);
        return (await queries.FindAsync(id, ct))!;
    }

    /// <summary>
    /// Applies for <paramref name="contactId"/>: refused, naming why, when the offer is not open (a draft is not even
    /// there for an advocate), full, closed, not yet open, when an eligibility rule keeps them out, or when they applied
    /// already. A withdrawn application may be made again.
    /// </summary>
    public async Task<CommandResult<ApplicationResponse>> ApplyAsync(Guid offerId, Guid contactId, ApplicationActor actor, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null || (offer.State == OfferState.Draft && actor.By == AppliedBy.Advocate))
        {
            return OfferNotFound;
        }
        if (await queries.AdvocateAsync(contactId, ct) is not { } advocate)
        {
            return ContactNotFound;
        }
        var existing = await db.Set<OfferApplication>().SingleOrDefaultAsync(a => a.OfferId == offerId && a.ContactId == contactId, ct);
        if (existing is { State: not ApplicationState.Withdrawn })
        {
            return Refusal.Conflict($"{advocate.Name} applied to this offer already.",
                $"They applied on {existing.AppliedAt:yyyy-MM-dd}; the application is {existing.State.ToString().ToLowerInvariant()}.");
        }
        var facts = await queries.FactsAsync(offer, ct);
        if (NotTaking(facts, queries.Today) is { } closed)
        {
            return closed;
        }
        if (OfferRecommender.Ineligible(facts, advocate) is { } ineligible)
        {
            return Refusal.Conflict($"{advocate.Name} is not eligible for this offer ({Words(ineligible.Rule)}).", ineligible.Reason);
        }
        var application = existing ?? new OfferApplication { OfferId = offerId, ContactId = contactId, AppliedByName = actor.Name };
        (application.State, application.AppliedBy, application.AppliedByName, application.AppliedAt, application.ChangedAt) =
            (ApplicationState.Applied, actor.By, actor.Name, clock.GetUtcNow(), null);
        if (existing is null)
        {
            db.Add(application);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: someone applied for them between our read and this write (or re-applied a withdrawn one).
            db.ChangeTracker.Clear();
            return Refusal.Conflict($"{advocate.Name} applied to this offer already.", "Someone else applied for them a moment ago.");
        }
        return await queries.ApplicationAsync(application.Id, ct);
    }

    /// <summary>
    /// Moves an application on: accept (takes a seat; refused when none is left), decline, deliver (writes the give to
    /// the ledger) or withdraw (frees its seat). A step that lost a race for the offer's seats is read again and retried.
    /// </summary>
    public async Task<CommandResult<ApplicationResponse>> StepAsync(ApplicationStep step, Guid applicationId, ApplicationActor actor, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var application = await db.Set<OfferApplication>().Include(a => a.Offer).Include(a => a.Contact)
                .Where(a => a.Id == applicationId)
                .Where(a => actor.OfferId == null || a.OfferId == actor.OfferId)
                .Where(a => actor.OwnContactId == null || a.ContactId == actor.OwnContactId)
                .SingleOrDefaultAsync(ct);
            if (application is null)
            {
                return ApplicationNotFound;
            }
            if (Take(step, application, clock.GetUtcNow(), queries.Today) is { } refusal)
            {
                db.ChangeTracker.Clear();
                return refusal;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return await queries.ApplicationAsync(applicationId, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Refusal.StaleVersion;
            }
        }
    }

    /// <summary>
    /// Replaces a contact's needs and sets the social capital they want to exactly those needs, in one save over the
    /// contact's version the caller read. A need recorded before with the same evidence keeps who recorded it and when.
    /// </summary>
    public async Task<CommandResult<NeedsResponse>> SaveNeedsAsync(Guid contactId, NeedsInput input, string recordedBy, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return ContactNotFound;
        }
        var errors = new ValidationErrors();
        var wanted = new List<(SocialCapital Capital, string? Evidence)>();
        foreach (var (need, index) in (input.Needs ?? []).Select((n, i) => (n, i)))
        {
            var field = $"needs[{index}]";
            if (need is null)
            {
                errors.Add(field, $"{field} is empty.");
                continue;
            }
            var capital = EnumText.ParseOrNull<SocialCapital>(need.Capital);
            if (capital is null or SocialCapital.None)
            {
                errors.Add($"{field}.capital", $"{field}.capital must be one of {string.Join(", ", OfferKinds.Each((SocialCapital)31))}.");
            }
            else if (wanted.Any(w => w.Capital == capital))
            {
                errors.Add($"{field}.capital", $"{field}.capital {capital} is named twice.");
            }
            errors.MaxLength($"{field}.evidence", need.Evidence, SocialCapitalNeed.EvidenceMaxLength);
            if (capital is { } known and not SocialCapital.None)
            {
                wanted.Add((known, string.IsNullOrWhiteSpace(need.Evidence) ? null : need.Evidence.Trim()));
            }
        }
        if (Versioning.Check(contact, input.Version) is { } stale)
        {
            return stale;
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var recorded = await db.Set<SocialCapitalNeed>().Where(n => n.ContactId == contactId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var need in recorded.Where(n => !wanted.Contains((n.Capital, n.Evidence))))
        {
            db.Remove(need);
        }
        foreach (var (capital, evidence) in wanted.Where(w => !recorded.Any(n => (n.Capital, n.Evidence) == w)))
        {
            db.Add(new SocialCapitalNeed { ContactId = contactId, Capital = capital, Evidence = evidence, RecordedBy = recordedBy, RecordedAt = now });
        }
        contact.SocialCapitalWanted = wanted.Aggregate(SocialCapital.None, (all, w) => all | w.Capital);
        var saved = await db.SaveOverAsync(contact, input.Version!.Value, ct, alwaysNewVersion: true);
        return saved.Succeeded ? (await queries.NeedsAsync(contactId, ct))! : saved.Refusal;
    }

    /// <summary>Why an offer takes no application today, or null when it does.</summary>
    private static Refusal? NotTaking(OfferFacts offer, DateOnly today) => offer.State switch
    {
        OfferState.Draft => Refusal.Conflict("The offer is not open yet.", "Open it before putting advocates forward."),
        OfferState.Closed => Refusal.Conflict("The offer is closed.", $"It took applications until {offer.ClosesOn:yyyy-MM-dd}."),
        OfferState.Full => Refusal.Conflict("The offer is full.", "Every seat is taken by an accepted application."),
        _ when offer.OpensOn > today => Refusal.Conflict("The offer is not open yet.", $"It takes applications from {offer.OpensOn:yyyy-MM-dd}."),
        _ => null,
    };

    /// <summary>Takes <paramref name="step"/> on the tracked application and its offer, or says why it may not be taken.</summary>
    private Refusal? Take(ApplicationStep step, OfferApplication application, DateTimeOffset now, DateOnly today)
    {
        var offer = application.Offer!;
        var state = application.State;
        var allowed = step switch
        {
            ApplicationStep.Accept or ApplicationStep.Decline => state == ApplicationState.Applied,
            ApplicationStep.Deliver => state == ApplicationState.Accepted,
            ApplicationStep.Withdraw => state is ApplicationState.Applied or ApplicationState.Accepted,
            _ => false,
        };
        if (!allowed)
        {
            var may = step switch
            {
                ApplicationStep.Deliver => "Only an accepted application can be delivered.",
                ApplicationStep.Withdraw => "Only an application not yet delivered, declined or withdrawn can be withdrawn.",
                _ => "Only an application waiting for an answer can be accepted or declined.",
            };
            return Refusal.Conflict($"The application is {state.ToString().ToLowerInvariant()}.", may);
        }
        if (step == ApplicationStep.Accept)
        {
            if (offer.StateOn(today) == OfferState.Closed)
            {
                return Refusal.Conflict("The offer is closed.", "Open it again to accept applications.");
            }
            if (offer.SeatsTaken >= offer.Capacity)
            {
                return Refusal.Conflict("The offer is full.", $"All {offer.Capacity} seats are taken; decline this application or raise the capacity.");
            }
            offer.SeatsTaken++;
        }
        if (step == ApplicationStep.Withdraw && application.TakesSeat)
        {
            offer.SeatsTaken--;
        }
        if (step == ApplicationStep.Deliver)
        {
            db.Engagements.Add(new Engagement
            {
                ContactId = application.ContactId, AccountId = application.Contact!.AccountId, Kind = EngagementKind.Give,
                Status = EngagementStatus.Completed, At = now, Title = offer.Title, CreditHours = offer.CreditHours, OfferId = offer.Id,
            });
        }
        application.State = step switch
        {
            ApplicationStep.Accept => ApplicationState.Accepted,
            ApplicationStep.Decline => ApplicationState.Declined,
            ApplicationStep.Deliver => ApplicationState.Delivered,
            _ => ApplicationState.Withdrawn,
        };
        application.ChangedAt = now;
        return null;
    }

    /// <summary>
    /// Checks <paramref name="input"/> and, when it is valid, copies it onto <paramref name="offer"/>. Nothing is copied
    /// when anything is wrong.
    /// </summary>
    private async Task<Refusal?> ApplyAsync(OfferInput input, Offer offer, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("title", input.Title, Offer.TitleMaxLength);
        errors.MaxLength("description", input.Description, Offer.DescriptionMaxLength);
        OfferKind? kind = null;
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            errors.Add("kind", $"kind is required: one of {EnumText.Names<OfferKind>()}.");
        }
        else
        {
            kind = EnumText.Optional<OfferKind>(input.Kind, "kind", errors);
        }
        var gives = FlagNames.Parse<SocialCapital>(input.Gives, "gives", errors);
        if (gives == SocialCapital.None && !errors.ToDictionary().ContainsKey("gives"))
        {
            errors.Add("gives", $"gives must name at least one kind of social capital: {string.Join(", ", OfferKinds.Each((SocialCapital)31))}.");
        }
        if (input.OpensOn is null)
        {
            errors.Add("opensOn", "opensOn is required: the first day advocates may apply.");
        }
        if (input.ClosesOn is null)
        {
            errors.Add("closesOn", "closesOn is required: the last day advocates may apply.");
        }
        else if (input.OpensOn is { } opens && input.ClosesOn < opens)
        {
            errors.Add("closesOn", "closesOn must be on or after opensOn.");
        }
        if (input.Capacity is null or < 1)
        {
            errors.Add("capacity", "capacity is required: the number of advocates the offer can take, 1 or more.");
        }
        else if (input.Capacity < offer.SeatsTaken)
        {
            errors.Add("capacity", $"capacity cannot be below the {offer.SeatsTaken} seats accepted applications already take.");
        }
        if (input.CreditHours is <= 0 or > MaxCreditHours)
        {
            errors.Add("creditHours", $"creditHours must be more than 0 and at most {MaxCreditHours:0}.");
        }
        var segments = new List<Segment>();
        foreach (var text in (input.Segments ?? []).Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (EnumText.Optional<Segment>(text, "segments", errors) is { } segment && !segments.Contains(segment))
            {
                segments.Add(segment);
            }
        }
        var industryKeys = (input.Industries ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(Keys.FromName).Distinct().ToList();
        var industries = industryKeys.Count == 0 ? [] : await db.Industries.Where(i => industryKeys.Contains(i.Key)).ToListAsync(ct);
        foreach (var unknown in industryKeys.Except(industries.Select(i => i.Key)))
        {
            errors.Add("industries", $"'{unknown}' is not a known industry; GET /api/v1/industries lists them.");
        }
        var stage = EnumText.Optional<AdvocacyStage>(input.MinimumStage, "minimumStage", errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        offer.Title = input.Title!.Trim();
        offer.Kind = kind!.Value;
        offer.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        offer.Gives = gives;
        offer.OpensOn = input.OpensOn!.Value;
        offer.ClosesOn = input.ClosesOn!.Value;
        offer.EventOn = input.EventOn;
        offer.Capacity = input.Capacity!.Value;
        offer.CreditHours = input.CreditHours ?? OfferKinds.DefaultCreditHours(offer.Kind);
        offer.Segments = segments;
        offer.IndustryIds = [.. industries.Select(i => i.Id)];
        offer.MinimumStage = stage;
        return null;
    }

    private static string Words(EligibilityRule rule) => rule switch
    {
        EligibilityRule.Segment => "segment",
        EligibilityRule.Industry => "industry",
        _ => "minimum advocacy stage",
    };

    private static string Applications(int count) => count == 1 ? "One advocate applied" : $"{count} advocates applied";
}
