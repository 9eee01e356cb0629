using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.AccountReviews;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Calendar;
using Vouch.Features.Catalog;
using Vouch.Features.Engagements;
using Vouch.Features.Matching;
using Vouch.Features.Notifications;
using Vouch.Features.ProgramPolicies;
using Vouch.Features.Stakeholders;

namespace Vouch.Features.Requests;

/// <summary>
/// Everything that moves a reference request along, one set of rules for the API and the pages. Each step checks who
/// acts and whether the request is at that step before it writes, so a refused step changes nothing; each step that
/// happens is a timestamped transition, tells the people involved, and sets when the next step is due.
/// </summary>
/// <remarks>
/// Assigning an advocate reserves their capacity at once (an ask in the ledger in status reserved). It runs in one
/// transaction that first locks the advocate's account and contact rows (PostgreSQL: <c>SELECT … FOR UPDATE</c>;
/// SQLite: the transaction takes the database's write lock when it begins), then checks the caps against the ledger
/// and writes the reservation, so two sellers racing for an advocate's last slot are served one after the other and
/// the second is refused by the cap the first just filled.
/// </remarks>
public sealed class RequestWorkflow(
    VouchDbContext db, CandidatePool pool, IOptions<RequestOptions> options, TimeProvider clock, AccountHolds holds, PolicyRegister policies, StakeholderGroups stakeholders,
    CallInvitations invitations)
{
    private static readonly Refusal s_notFound = Refusal.NotFound("The request");

    /// <summary>Who the scheduled work acts as: it expires, warns and escalates, but is no person.</summary>
    private static readonly RequestActor s_system = new(Guid.Empty, "system", IsManager: true, ReadsAll: true, IsAdvocate: false, ContactId: null);

    private RequestOptions Options => options.Value;

    public async Task<CommandResult<Guid>> CreateAsync(RequestActor actor, CreateRequestBody body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new ValidationErrors();
        ActivityType? activity = null;
        if (string.IsNullOrWhiteSpace(body.ActivityType))
        {
            errors.Add("activityType", "activityType is required.");
        }
        else if ((activity = await db.ActivityTypes.SingleOrDefaultAsync(t => t.Key == body.ActivityType && t.IsActive, ct)) is null)
        {
            errors.Add("activityType", $"activityType '{body.ActivityType}' is not an activity type in use.");
        }
        if (body.NeededBy is not { } neededBy)
        {
            errors.Add("neededBy", "neededBy is required.");
        }
        else if (neededBy < today)
        {
            errors.Add("neededBy", "neededBy must be today or later.");
        }
        errors.MaxLength("useCase", body.UseCase, ReferenceRequest.TextMaxLength);
        var group = await stakeholders.GroupOfAsync(actor.UserId, ct);
        if (activity is not null && group?.Refuses(activity.Key) is { } notForGroup)
        {
            errors.Add("activityType", notForGroup);
        }

        var opportunity = body.OpportunityId is { } opportunityId
            ? await db.Opportunities.AsSplitQuery().Include(o => o.Account!).ThenInclude(a => a.Products).Include(o => o.Products)
                .SingleOrDefaultAsync(o => o.Id == opportunityId, ct)
            : null;
        if (body.OpportunityId is not null && (opportunity is null || (!actor.ReadsAll && opportunity.OwnerId != actor.UserId)))
        {
            // Someone else's deal is not there for a seller.
            opportunity = null;
            errors.Add("opportunityId", "opportunityId is not one of your opportunities.");
        }
        else if (opportunity is { IsClosed: true })
        {
            errors.Add("opportunityId", "opportunityId is a closed deal: references are asked for open ones.");
        }

        // Criteria left out are prefilled from the deal: the advocate should look like the prospect.
        var criteria = body.Criteria ?? (opportunity is null ? null : CriteriaBody.FromDeal(opportunity));
        Region? region = null;
        if (criteria?.Region is { } regionText && (region = EnumText.ParseOrNull<Region>(regionText)) is null)
        {
            errors.Add("criteria.region", EnumText.MustBeOneOf<Region>("criteria.region"));
        }
        string? countryCode = null;
        if (criteria?.CountryCode is { } country && (countryCode = Countries.Resolve(country)) is null)
        {
            errors.Add("criteria.countryCode", "criteria.countryCode must be an ISO 3166 alpha-2 code or a country's name.");
        }
        if (criteria?.Employees is < 1)
        {
            errors.Add("criteria.employees", "criteria.employees must be 1 or more.");
        }
        errors.MaxLength("criteria.competitor", criteria?.Competitor, 100);
        if (criteria?.IndustryId is { } industryId && !await db.Industries.AnyAsync(i => i.Id == industryId, ct))
        {
            errors.Add("criteria.industryId", "criteria.industryId is not an industry.");
        }
        var products = new List<Product>();
        if (criteria?.ProductIds is { Count: > 0 } productIds)
        {
            products = await db.Products.Where(p => productIds.Contains(p.Id)).ToListAsync(ct);
            if (products.Count != productIds.Distinct().Count())
            {
                errors.Add("criteria.productIds", "criteria.productIds names a product that does not exist.");
            }
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        var request = new ReferenceRequest
        {
            RequesterId = actor.UserId,
            OpportunityId = opportunity?.Id,
            ActivityTypeId = activity!.Id,
            ActivityType = activity,
            NeededBy = body.NeededBy!.Value,
            UseCase = string.IsNullOrWhiteSpace(body.UseCase) ? null : body.UseCase.Trim(),
            CreatedAt = now,
        };
        request.IndustryId = criteria?.IndustryId;
        request.Products = products;
        request.Region = region;
        request.CountryCode = countryCode;
        request.Employees = criteria?.Employees;
        request.Competitor = string.IsNullOrWhiteSpace(criteria?.Competitor) ? null : criteria.Competitor.Trim();
        request.StakeholderGroupId = group?.Id;
        db.ReferenceRequests.Add(request);
        Move(request, RequestStatus.Submitted, actor, now, null, Options.ProposeWithinBusinessDays);
        // A request outside policy is kept, marked with the rules it breaks, until a reference manager decides.
        var broken = await policies.BrokenByAsync(activity, opportunity, ct);
        if (broken.Count > 0)
        {
            db.Add(new PolicyException
            {
                RequestId = request.Id, Rules = [.. broken.Select(b => b.Rule)], Reasons = [.. broken.Select(b => b.Reason)],
                State = ExceptionState.Requested, RequestedAt = now,
            });
            await NotifyAsync(request, actor, await ManagersAsync(ct),
                $"A request for a {activity.Name.ToLowerInvariant()} is outside policy and needs your exception: {string.Join(" ", broken.Select(b => b.Reason))}", now, ct);
        }
        else if (activity.Fulfilment == Fulfilment.ProgramTeam)
        {
            await NotifyAsync(request, actor, await ManagersAsync(ct), $"New request for a {activity.Name.ToLowerInvariant()} needed by {request.NeededBy:d MMM yyyy}.", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return request.Id;
    }

    /// <summary>Names the advocate and reserves their capacity, if every rule allows the ask.</summary>
    public async Task<CommandResult> AssignAsync(RequestActor actor, Guid id, AssignBody body, CancellationToken ct)
    {
        if (body.ContactId is not { } contactId)
        {
            return Refusal.Invalid("contactId", "contactId is required.");
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var request = await LoadAsync(id, ct);
        if (request is null || !actor.Sees(request))
        {
            return s_notFound;
        }
        var selfService = request.ActivityType!.Fulfilment == Fulfilment.SelfService;
        if (!actor.IsManager && !(selfService && request.RequesterId == actor.UserId))
        {
            return Forbidden(selfService
                ? "Only the seller who asked or a reference manager proposes the advocate."
                : $"{request.ActivityType.Name} requests are fulfilled by the reference program team.");
        }
        if (request.Status != RequestStatus.Submitted)
        {
            return WrongStep(request, "propose an advocate");
        }
        if (await policies.HoldAsync(request.Id, ct) is { } outsidePolicy)
        {
            return Refusal.Conflict("Nobody can be proposed yet.", outsidePolicy);
        }

        var accountId = await db.Contacts.Where(c => c.Id == contactId).Select(c => (Guid?)c.AccountId).SingleOrDefaultAsync(ct);
        if (accountId is null)
        {
            return Refusal.Invalid("contactId", "contactId is not a contact.");
        }
        await AdvocateAsks.LockAsync(db, accountId.Value, contactId, ct);
        if (await pool.ContactAsync(contactId, ct) is not var (contact, candidate))
        {
            return Refusal.Invalid("contactId", "contactId is not a contact.");
        }
        var ledger = await pool.LedgerAsync([candidate], today, ct);
        IReadOnlyList<string> rules = [.. AskRules.Check(CandidatePool.CriteriaOf(request), candidate, ledger, Options.PolicyOn(today)), .. await holds.HoldsAsync(contact.AccountId, ct)];
        if (rules.Count > 0)
        {
            return Refusal.Conflict($"{contact.FullName} cannot be asked.", AdvocateAsks.Sentence(rules));
        }

        var ask = new Engagement
        {
            ContactId = contact.Id,
            AccountId = contact.AccountId,
            Kind = EngagementKind.Ask,
            ActivityTypeId = request.ActivityTypeId,
            RequestId = request.Id,
            Status = EngagementStatus.Reserved,
            At = now,
        };
        db.Engagements.Add(ask);
        request.Contact = await db.Contacts.Include(c => c.Account).SingleAsync(c => c.Id == contact.Id, ct);
        request.EngagementId = ask.Id;
        request.AccountOwnerId = contact.Account!.OwnerId;
        Move(request, RequestStatus.CandidateProposed, actor, now, $"Proposed {contact.FullName} ({contact.Account.Name}).", Options.OwnerConsentWithinBusinessDays);
        if (request.AccountOwnerId is null || request.AccountOwnerId == request.RequesterId)
        {
            // Nobody else to ask: the seller who owns the account consents by asking.
            var note = request.AccountOwnerId is null ? "The account has no owner to consent." : "The seller who asked owns the account.";
            await ApproveAsync(request, actor, now, note, ct);
        }
        else
        {
            await NotifyAsync(request, actor, [request.AccountOwnerId], $"Your consent is needed: {request.Requester!.DisplayName} asks {contact.FullName} of {contact.Account.Name} for a {Lower(request)}.", now, ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult.Success;
    }

    public async Task<CommandResult> OwnerConsentAsync(RequestActor actor, Guid id, OwnerConsentBody body, CancellationToken ct)
    {
        var approve = string.Equals(body.Decision, "approve", StringComparison.OrdinalIgnoreCase);
        if (!approve && !string.Equals(body.Decision, "decline", StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.Invalid("decision", "decision must be approve or decline.");
        }
        if (!approve && string.IsNullOrWhiteSpace(body.Reason))
        {
            return Refusal.Invalid("reason", "reason is required when declining.");
        }
        if (body.Reason?.Length > ReferenceRequest.ReasonMaxLength)
        {
            return Refusal.Invalid("reason", $"reason must be at most {ReferenceRequest.ReasonMaxLength} characters.");
        }
        var now = clock.GetUtcNow();
        var step = await StepAsync(actor, id, RequestStatus.CandidateProposed, "consent to the ask",
            r => actor.IsManager || r.AccountOwnerId == actor.UserId, "Only the account owner or a reference manager consents to the ask.", ct);
        if (!step.Succeeded)
        {
            return step.Refusal;
        }
        var request = step.Value;
        if (approve)
        {
            await ApproveAsync(request, actor, now, body.Reason?.Trim(), ct);
        }
        else
        {
            await EndAsync(request, RequestStatus.Declined, actor, now, body.Reason!.Trim(), ct);
            await NotifyAsync(request, actor, [request.RequesterId], $"The account owner declined the ask of {request.Contact!.FullName}: {body.Reason!.Trim()}", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    public async Task<CommandResult> AcceptAsync(RequestActor actor, Guid id, AcceptBody? body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var proposed = (body?.ProposedTimes ?? []).Distinct().Order().ToList();
        if (proposed.Count > AcceptBody.MaxProposedTimes)
        {
            return Refusal.Invalid("proposedTimes", $"Propose at most {AcceptBody.MaxProposedTimes} times.");
        }
        if (proposed.Count > 0 && proposed[0] <= now)
        {
            return Refusal.Invalid("proposedTimes", $"{proposed[0].UtcDateTime:yyyy-MM-dd HH:mm} UTC has passed: propose times still to come.");
        }
        var step = await StepAsync(actor, id, RequestStatus.OwnerApproved, "accept the ask",
            r => actor.IsManager || actor.IsAsked(r), "Only the advocate asked or a reference manager accepts.", ct);
        if (!step.Succeeded)
        {
            return step.Refusal;
        }
        var request = step.Value;
        request.ProposedTimes = proposed;
        Move(request, RequestStatus.Accepted, actor, now, null, Options.ScheduleWithinBusinessDays);
        var times = proposed.Count == 0 ? "" : $" They proposed {string.Join(", ", proposed.Select(t => $"{t.UtcDateTime:d MMM HH:mm}"))} UTC.";
        await NotifyAsync(request, actor, [request.RequesterId], $"{request.Contact!.FullName} accepted your {Lower(request)}; schedule it.{times}", now, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    public async Task<CommandResult> DeclineAsync(RequestActor actor, Guid id, ReasonBody body, CancellationToken ct)
    {
        if (body.Reason?.Length > ReferenceRequest.ReasonMaxLength)
        {
            return Refusal.Invalid("reason", $"reason must be at most {ReferenceRequest.ReasonMaxLength} characters.");
        }
        var now = clock.GetUtcNow();
        var step = await StepAsync(actor, id, RequestStatus.OwnerApproved, "decline the ask",
            r => actor.IsManager || actor.IsAsked(r), "Only the advocate asked or a reference manager declines.", ct);
        if (!step.Succeeded)
        {
            return step.Refusal;
        }
        var request = step.Value;
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
        await EndAsync(request, RequestStatus.Declined, actor, now, reason, ct);
        await NotifyAsync(request, actor, [request.RequesterId, .. await ManagersAsync(ct)],
            $"{request.Contact!.FullName} declined the {Lower(request)}{(reason is null ? "." : $": {reason}")}", now, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Sets when the accepted activity takes place, and invites the people who meet to it.</summary>
    public async Task<CommandResult> ScheduleAsync(RequestActor actor, Guid id, ScheduleBody body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (TimeOf(body, now) is { Succeeded: false } invalid)
        {
            return invalid.Refusal;
        }
        var at = body.At!.Value;
        var step = await StepAsync(actor, id, RequestStatus.Accepted, "schedule it",
            r => actor.IsManager || r.RequesterId == actor.UserId, "Only the seller who asked or a reference manager schedules.", ct);
        if (!step.Succeeded)
        {
            return step.Refusal;
        }
        var request = step.Value;
        request.ScheduledFor = at;
        var ask = await db.Engagements.SingleAsync(e => e.Id == request.EngagementId, ct);
        ask.Status = EngagementStatus.Scheduled;
        ask.At = at;
        Move(request, RequestStatus.Scheduled, actor, now, $"For {at.UtcDateTime:d MMM yyyy HH:mm} UTC.", null);
        await NotifyAsync(request, actor, [request.RequesterId, request.AccountOwnerId, .. await AdvocateUsersAsync(request, ct)],
            $"The {Lower(request)} with {request.Contact!.FullName} is scheduled for {at.UtcDateTime:d MMM yyyy HH:mm} UTC.", now, ct);
        await invitations.ScheduledAsync(request, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Moves a scheduled activity to a new time; everyone invited gets the invitation updated.</summary>
    public async Task<CommandResult> RescheduleAsync(RequestActor actor, Guid id, ScheduleBody body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (TimeOf(body, now) is { Succeeded: false } invalid)
        {
            return invalid.Refusal;
        }
        var at = body.At!.Value;
        var step = await StepAsync(actor, id, RequestStatus.Scheduled, "move it to another time",
            r => actor.IsManager || r.RequesterId == actor.UserId, "Only the seller who asked or a reference manager moves it to another time.", ct);
        if (!step.Succeeded)
        {
            return step.Refusal;
        }
        var request = step.Value;
        if (request.ScheduledFor == at)
        {
            return Refusal.Invalid("at", $"at is the time it is already scheduled for, {at.UtcDateTime:d MMM yyyy HH:mm} UTC.");
        }
        var was = request.ScheduledFor!.Value;
        request.ScheduledFor = at;
        var ask = await db.Engagements.SingleAsync(e => e.Id == request.EngagementId, ct);
        ask.At = at;
        Move(request, RequestStatus.Scheduled, actor, now, $"Moved from {was.UtcDateTime:d MMM yyyy HH:mm} to {at.UtcDateTime:d MMM yyyy HH:mm} UTC.", null);
        await NotifyAsync(request, actor, [request.RequesterId, request.AccountOwnerId, .. await AdvocateUsersAsync(request, ct)],
            $"The {Lower(request)} with {request.Contact!.FullName} moved from {was.UtcDateTime:d MMM yyyy HH:mm} to {at.UtcDateTime:d MMM yyyy HH:mm} UTC.", now, ct);
        await invitations.MovedAsync(request, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    public async Task<CommandResult> CompleteAsync(RequestActor actor, Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var step = await StepAsync(actor, id, RequestStatus.Scheduled, "mark it completed",
            r => actor.IsManager || r.RequesterId == actor.UserId, "Only the seller who asked or a reference manager completes.", ct);
        if (!step.Succeeded)
        {
            return step.Refusal;
        }
        var request = step.Value;
        var ask = await db.Engagements.SingleAsync(e => e.Id == request.EngagementId, ct);
        ask.Status = EngagementStatus.Completed;
        Move(request, RequestStatus.Completed, actor, now, null, Options.FeedbackWithinBusinessDays);
        await NotifyAsync(request, actor, [request.RequesterId], $"The {Lower(request)} with {request.Contact!.FullName} is done: record how it went.", now, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    public async Task<CommandResult> FeedbackAsync(RequestActor actor, Guid id, FeedbackBody body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (body.Happened is null)
        {
            errors.Add("happened", "happened is required.");
        }
        if (body.Happened == true && body.Rating is null)
        {
            errors.Add("rating", "rating is required when it happened.");
        }
        if (body.Rating is < 1 or > 5)
        {
            errors.Add("rating", "rating must be from 1 to 5.");
        }
        errors.MaxLength("notes", body.Notes, ReferenceRequest.TextMaxLength);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var step = await StepAsync(actor, id, RequestStatus.Completed, "record feedback",
            r => actor.IsManager || r.RequesterId == actor.UserId, "Only the seller who asked or a reference manager records feedback.", ct);
        if (!step.Succeeded)
        {
            return step.Refusal;
        }
        var request = step.Value;
        request.Happened = body.Happened;
        request.Rating = body.Happened == true ? body.Rating : null;
        request.Helped = body.Happened == true ? body.Helped : null;
        request.FeedbackNotes = string.IsNullOrWhiteSpace(body.Notes) ? null : body.Notes.Trim();
        var ask = await db.Engagements.SingleAsync(e => e.Id == request.EngagementId, ct);
        ask.Rating = request.Rating;
        ask.Notes = request.FeedbackNotes;
        if (body.Happened == false)
        {
            // The advocate gave no time after all: the ask is no load on them.
            ask.Status = EngagementStatus.Released;
        }
        var said = body.Happened == false ? "It did not happen." : $"Rated {request.Rating} of 5{(request.Helped == true ? ", it helped" : request.Helped == false ? ", it did not help" : "")}.";
        Move(request, RequestStatus.FeedbackRecorded, actor, now, said, null);
        await NotifyAsync(request, actor, [request.AccountOwnerId], $"Feedback on the {Lower(request)} with {request.Contact!.FullName}: {said}", now, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    public async Task<CommandResult> CancelAsync(RequestActor actor, Guid id, ReasonBody body, CancellationToken ct)
    {
        if (body.Reason?.Length > ReferenceRequest.ReasonMaxLength)
        {
            return Refusal.Invalid("reason", $"reason must be at most {ReferenceRequest.ReasonMaxLength} characters.");
        }
        var now = clock.GetUtcNow();
        var request = await LoadAsync(id, ct);
        if (request is null || !actor.Sees(request))
        {
            return s_notFound;
        }
        if (!actor.IsManager && request.RequesterId != actor.UserId)
        {
            return Forbidden("Only the seller who asked or a reference manager cancels.");
        }
        if (!request.IsOpen || request.Status == RequestStatus.Completed)
        {
            return WrongStep(request, "cancel it");
        }
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
        var asked = request.AdvocateAskedAt is not null;
        var scheduled = request.Status == RequestStatus.Scheduled;
        await EndAsync(request, RequestStatus.Cancelled, actor, now, reason, ct);
        if (scheduled)
        {
            // The invitation is in people's calendars: the cancellation takes it out.
            await invitations.CancelledAsync(request, ct);
        }
        if (request.Contact is { } contact)
        {
            await NotifyAsync(request, actor, [request.AccountOwnerId, .. asked ? await AdvocateUsersAsync(request, ct) : []],
                $"The {Lower(request)} with {contact.FullName} was cancelled{(reason is null ? "." : $": {reason}")}", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Declines a request a reference manager would not make an exception for; it waited at its first step.</summary>
    public async Task<CommandResult> DeclineOutsidePolicyAsync(RequestActor actor, Guid id, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var step = await StepAsync(actor, id, RequestStatus.Submitted, "decline it", _ => actor.IsManager, "Only a reference manager decides on exceptions.", ct);
        if (!step.Succeeded)
        {
            return step.Refusal;
        }
        var request = step.Value;
        await EndAsync(request, RequestStatus.Declined, actor, now, $"Outside policy, no exception: {reason}", ct);
        await NotifyAsync(request, actor, [request.RequesterId], $"Your {Lower(request)} request is outside policy and was declined: {reason}", now, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Tells the seller their request outside policy may go on, once a reference manager approved its exception.</summary>
    public async Task NotifyExceptionApprovedAsync(RequestActor actor, Guid id, string reason, CancellationToken ct)
    {
        var request = await LoadAsync(id, ct);
        if (request is not null)
        {
            await NotifyAsync(request, actor, [request.RequesterId], $"An exception was approved for your {Lower(request)} request: {reason}", clock.GetUtcNow(), ct);
        }
    }

    /// <summary>Ends requests whose needed-by day passed before the advocate was booked, releasing what they held.</summary>
    public async Task<int> ExpireAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var waiting = new[] { RequestStatus.Submitted, RequestStatus.CandidateProposed, RequestStatus.OwnerApproved, RequestStatus.Accepted };
        var expired = await db.ReferenceRequests.Include(r => r.ActivityType).Include(r => r.Contact)
            .Where(r => waiting.Contains(r.Status) && r.NeededBy < today).ToListAsync(ct);
        foreach (var request in expired)
        {
            await EndAsync(request, RequestStatus.Expired, s_system, now, $"Not booked by {request.NeededBy:d MMM yyyy}.", ct);
            await NotifyAsync(request, s_system, [request.RequesterId], $"Your {Lower(request)} request expired unbooked.", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return expired.Count;
    }

    /// <summary>
    /// Tells whoever each step waits on that it is about to miss its service level, once per step, when fewer than
    /// <see cref="RequestOptions.SlaWarningHours"/> remain; when they have no login, the reference managers, who may take
    /// the step for them. A step already overdue is escalated instead, never warned of.
    /// </summary>
    public async Task<int> WarnAsync(CancellationToken ct)
    {
        if (Options.SlaWarningHours == 0)
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        var warnFrom = now.AddHours(Options.SlaWarningHours);
        var atRisk = await db.ReferenceRequests.Include(r => r.ActivityType)
            .Where(r => r.StepDueAt > now && r.StepDueAt <= warnFrom && r.SlaWarnedAt == null && r.EscalatedAt == null).ToListAsync(ct);
        List<Guid?>? managers = null;
        foreach (var request in atRisk)
        {
            request.SlaWarnedAt = now;
            var waiting = await WaitingUsersAsync(request, ct);
            var told = waiting.Any(u => u is not null) ? waiting : managers ??= await ManagersAsync(ct);
            await NotifyAsync(request, s_system, told,
                $"Due soon: {WaitingOn.Describe(request)} on a {Lower(request)} request, by {request.StepDueAt!.Value.UtcDateTime:d MMM HH:mm} UTC.", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return atRisk.Count;
    }

    /// <summary>Hands every overdue step to the reference managers, once per step.</summary>
    public async Task<int> EscalateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overdue = await db.ReferenceRequests.Include(r => r.ActivityType)
            .Where(r => r.StepDueAt < now && r.EscalatedAt == null).ToListAsync(ct);
        var managers = overdue.Count == 0 ? [] : await ManagersAsync(ct);
        foreach (var request in overdue)
        {
            request.EscalatedAt = now;
            await NotifyAsync(request, s_system, managers, $"Overdue: {WaitingOn.Describe(request)} on a {Lower(request)} request since {request.StepDueAt!.Value.UtcDateTime:d MMM HH:mm} UTC.", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }

    private async Task ApproveAsync(ReferenceRequest request, RequestActor actor, DateTimeOffset now, string? note, CancellationToken ct)
    {
        request.AdvocateAskedAt = now;
        Move(request, RequestStatus.OwnerApproved, actor, now, note, Options.AdvocateReplyWithinBusinessDays);
        await NotifyAsync(request, actor, [request.RequesterId, .. await AdvocateUsersAsync(request, ct)],
            $"{request.Contact!.FullName} is asked for a {Lower(request)} needed by {request.NeededBy:d MMM yyyy}.", now, ct);
    }

    /// <summary>Ends the request and gives back the capacity its ask held.</summary>
    private async Task EndAsync(ReferenceRequest request, RequestStatus end, RequestActor actor, DateTimeOffset now, string? reason, CancellationToken ct)
    {
        if (request.EngagementId is { } askId && await db.Engagements.SingleOrDefaultAsync(e => e.Id == askId, ct) is { } ask)
        {
            ask.Status = EngagementStatus.Released;
        }
        if (end == RequestStatus.Declined)
        {
            request.DeclineReason = reason;
        }
        Move(request, end, actor, now, reason, null);
    }

    private void Move(ReferenceRequest request, RequestStatus to, RequestActor actor, DateTimeOffset now, string? note, int? dueInBusinessDays)
    {
        db.RequestTransitions.Add(new RequestTransition
        {
            RequestId = request.Id,
            From = request.Transitions.Count == 0 && to == RequestStatus.Submitted ? null : request.Status,
            To = to,
            At = now,
            ByUserId = actor.UserId == Guid.Empty ? null : actor.UserId,
            ByName = actor.Name,
            Note = note,
        });
        request.Status = to;
        request.StepDueAt = dueInBusinessDays is { } days ? BusinessDays.Add(now, days) : null;
        request.SlaWarnedAt = null;
        request.EscalatedAt = null;
    }

    /// <summary>The request, if the actor sees it, is at <paramref name="step"/> and may take it.</summary>
    private async Task<CommandResult<ReferenceRequest>> StepAsync(
        RequestActor actor, Guid id, RequestStatus step, string what, Func<ReferenceRequest, bool> allowed, string forbidden, CancellationToken ct)
    {
        var request = await LoadAsync(id, ct);
        if (request is null || !actor.Sees(request))
        {
            return s_notFound;
        }
        if (!allowed(request))
        {
            return Forbidden(forbidden);
        }
        return request.Status != step ? WrongStep(request, what) : request;
    }

    private Task<ReferenceRequest?> LoadAsync(Guid id, CancellationToken ct) =>
        db.ReferenceRequests.AsSplitQuery().Include(r => r.ActivityType).Include(r => r.Products).Include(r => r.Requester)
            .Include(r => r.Contact!).ThenInclude(c => c.Account)
            .SingleOrDefaultAsync(r => r.Id == id, ct);

    private async Task<List<Guid?>> ManagersAsync(CancellationToken ct)
    {
        var role = StableId.For("role:" + Roles.ReferenceManager);
        return await db.UserRoles.Where(r => r.RoleId == role).Select(r => (Guid?)r.UserId).ToListAsync(ct);
    }

    /// <summary>The users who take the current step: for a program team's request still to be matched, none but the managers.</summary>
    private async Task<List<Guid?>> WaitingUsersAsync(ReferenceRequest request, CancellationToken ct) => request.Status switch
    {
        RequestStatus.Submitted when request.ActivityType!.Fulfilment == Fulfilment.SelfService => [request.RequesterId],
        RequestStatus.CandidateProposed => [request.AccountOwnerId],
        RequestStatus.OwnerApproved => await AdvocateUsersAsync(request, ct),
        RequestStatus.Accepted or RequestStatus.Completed => [request.RequesterId],
        _ => [],
    };

    private async Task<List<Guid?>> AdvocateUsersAsync(ReferenceRequest request, CancellationToken ct) =>
        request.ContactId is { } contact ? await db.Users.Where(u => u.ContactId == contact).Select(u => (Guid?)u.Id).ToListAsync(ct) : [];

    private async Task NotifyAsync(ReferenceRequest request, RequestActor actor, IEnumerable<Guid?> users, string text, DateTimeOffset now, CancellationToken ct)
    {
        var shown = text.Length > Notification.TextMaxLength ? text[..(Notification.TextMaxLength - 1)] + "…" : text;
        var recipients = users.OfType<Guid>().Where(u => u != actor.UserId).Distinct().ToList();
        var existing = await db.Users.Where(u => recipients.Contains(u.Id) && !u.IsDisabled).Select(u => new { u.Id, u.ContactId }).ToListAsync(ct);
        db.Notifications.AddRange(existing.Select(user => new Notification
        {
            UserId = user.Id,
            At = now,
            Text = shown,
            // The advocate answers in the portal; everyone else on the request's page.
            Link = user.ContactId is not null && user.ContactId == request.ContactId ? "/portal" : $"/requests/{request.Id}",
        }));
    }

    /// <summary>The time a step schedules for: required, and not in the past (a day's grace for time zones and late entry).</summary>
    private static CommandResult TimeOf(ScheduleBody body, DateTimeOffset now) =>
        body.At is not { } at ? Refusal.Invalid("at", "at is required: when the activity takes place.")
        : at < now.AddDays(-1) ? Refusal.Invalid("at", "at must not be in the past.")
        : CommandResult.Success;

    private static Refusal Forbidden(string detail) => Refusal.Forbidden("You may not take this step.", detail);

    private static Refusal WrongStep(ReferenceRequest request, string what) =>
        Refusal.Conflict($"Cannot {what} now.", $"It is {WaitingOn.StatusWords(request.Status)}.");

    private static string Lower(ReferenceRequest request) => request.ActivityType!.Name.ToLowerInvariant();
}
