using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.AccountReviews;

/// <summary>
/// Account reviews on the calendar: scheduling one, recording it once held (its health and escalations), and reading
/// them; one set of rules for the API and the pages. A refusal changes nothing.
/// </summary>
public sealed class ReviewCalendar(VouchDbContext db, AccountHolds holds, TimeProvider clock)
{
    public static readonly Refusal NotFound = Refusal.NotFound("The account review");

    /// <summary>A review can be scheduled at most this far ahead.</summary>
    public const int MaxYearsAhead = 3;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<CommandResult<Paged<AccountReviewSummary>>> ListAsync(PageQuery page, AccountReviewFilter filter, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        var health = EnumText.Optional<DeliveryHealth>(filter.Health, "health", errors);
        if (filter is { From: { } from, To: { } to } && to < from)
        {
            errors.Add("to", "to must be on or after from.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var reviews = db.Set<AccountReview>().AsNoTracking();
        if (filter.AccountId is { } accountId)
        {
            reviews = reviews.Where(r => r.AccountId == accountId);
        }
        if (health is { } h)
        {
            reviews = reviews.Where(r => r.Health == h);
        }
        if (filter.From is { } since)
        {
            reviews = reviews.Where(r => r.ScheduledOn >= since);
        }
        if (filter.To is { } until)
        {
            reviews = reviews.Where(r => r.ScheduledOn <= until);
        }
        if (filter.Held is { } held)
        {
            reviews = held ? reviews.Where(r => r.HeldOn != null) : reviews.Where(r => r.HeldOn == null);
        }
        var total = await reviews.CountAsync(ct);
        var items = await Summaries(reviews.OrderBy(r => r.ScheduledOn).ThenBy(r => r.Id).Skip(page.Skip).Take(page.Size)).ToListAsync(ct);
        return new Paged<AccountReviewSummary>(items, total, page.PageNumber, page.Size);
    }

    /// <summary>Reviews to come (not held yet, from <paramref name="from"/>) in date order, for the calendar.</summary>
    public Task<List<AccountReviewSummary>> UpcomingAsync(DateOnly from, int take, CancellationToken ct) =>
        Summaries(db.Set<AccountReview>().AsNoTracking().Where(r => r.HeldOn == null && r.ScheduledOn >= from)
            .OrderBy(r => r.ScheduledOn).ThenBy(r => r.Id).Take(take)).ToListAsync(ct);

    /// <summary>Reviews scheduled before today and never recorded as held.</summary>
    public Task<List<AccountReviewSummary>> OverdueAsync(int take, CancellationToken ct)
    {
        var today = Today;
        return Summaries(db.Set<AccountReview>().AsNoTracking().Where(r => r.HeldOn == null && r.ScheduledOn < today)
            .OrderByDescending(r => r.ScheduledOn).ThenBy(r => r.Id).Take(take)).ToListAsync(ct);
    }

    /// <summary>Held reviews, latest first.</summary>
    public Task<List<AccountReviewSummary>> RecentAsync(int take, CancellationToken ct) =>
        Summaries(db.Set<AccountReview>().AsNoTracking().Where(r => r.HeldOn != null)
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).Take(take)).ToListAsync(ct);

    public async Task<AccountReviewResponse?> FindAsync(Guid id, CancellationToken ct)
    {
        var review = await db.Set<AccountReview>().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Id, r.AccountId, Account = r.Account!.Name, r.ScheduledOn, r.HeldOn, r.Health, r.Notes, r.Version })
            .SingleOrDefaultAsync(ct);
        if (review is null)
        {
            return null;
        }
        var escalations = await Escalations(db.Set<Escalation>().Where(e => e.ReviewId == id || (e.AccountId == review.AccountId && e.ClosedOn == null)))
            .ToListAsync(ct);
        return new AccountReviewResponse(
            review.Id, review.AccountId, review.Account, review.ScheduledOn, review.HeldOn, review.Health?.ToString(), review.Notes,
            [.. escalations.Where(e => e.ReviewId == id)], [.. escalations.Where(e => e.ClosedOn is null)], review.Version);
    }

    /// <summary>The account's delivery now, for its page: null when it has had no review and has no escalation.</summary>
    public async Task<AccountDelivery?> DeliveryAsync(Guid accountId, CancellationToken ct)
    {
        var facts = (await holds.FactsAsync([accountId], ct)).GetValueOrDefault(accountId);
        if (facts is null)
        {
            return null;
        }
        var today = Today;
        var next = await db.Set<AccountReview>().AsNoTracking()
            .Where(r => r.AccountId == accountId && r.HeldOn == null && r.ScheduledOn >= today)
            .OrderBy(r => r.ScheduledOn).ThenBy(r => r.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        var open = await Escalations(db.Set<Escalation>().Where(e => e.AccountId == accountId && e.ClosedOn == null)).ToListAsync(ct);
        return new AccountDelivery(accountId, facts.LastHeldOn, facts.LastHealth?.ToString(), facts.NextReviewOn, next, open, DeliveryRules.Judge(facts, today));
    }

    /// <summary>Schedules a review, or records one already held with its health and the escalations raised at it.</summary>
    public async Task<CommandResult<AccountReviewResponse>> CreateAsync(AccountReviewInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.AccountId is null)
        {
            errors.Add("accountId", "accountId is required.");
        }
        else if (!await db.Accounts.AnyAsync(a => a.Id == input.AccountId, ct))
        {
            errors.Add("accountId", $"No account has the id {input.AccountId}.");
        }
        var review = new AccountReview { AccountId = input.AccountId ?? Guid.Empty };
        var opened = Apply(review, input.ScheduledOn, input.HeldOn, input.Health, input.Notes, input.OpenEscalations, errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        db.Add(review);
        Open(review, opened);
        await db.SaveChangesAsync(ct);
        return (await FindAsync(review.Id, ct))!;
    }

    /// <summary>Replaces the review's fields over the version read; opens and closes escalations in the same save.</summary>
    public async Task<CommandResult<AccountReviewResponse>> UpdateAsync(Guid id, AccountReviewUpdate input, CancellationToken ct)
    {
        var review = await db.Set<AccountReview>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return NotFound;
        }
        var errors = new ValidationErrors();
        var opened = Apply(review, input.ScheduledOn, input.HeldOn, input.Health, input.Notes, input.OpenEscalations, errors);
        var closeIds = (input.CloseEscalations ?? []).Distinct().ToList();
        var closing = await db.Set<Escalation>().Where(e => closeIds.Contains(e.Id) && e.AccountId == review.AccountId && e.ClosedOn == null).ToListAsync(ct);
        if (closing.Count != closeIds.Count)
        {
            errors.Add("closeEscalations", "closeEscalations names an escalation that is not open at this account.");
        }
        if (!errors.IsEmpty)
        {
            // Nothing of the refused input may reach the database with a later save of this context.
            db.Entry(review).State = EntityState.Detached;
            return Refusal.Invalid(errors);
        }
        if (Versioning.Check(review, input.Version) is { } stale)
        {
            db.Entry(review).State = EntityState.Detached;
            return stale;
        }
        Open(review, opened);
        var closedOn = review.HeldOn ?? Today;
        foreach (var escalation in closing)
        {
            escalation.ClosedOn = closedOn < escalation.OpenedOn ? escalation.OpenedOn : closedOn;
        }
        var saved = await db.SaveOverAsync(review, input.Version!.Value, ct, alwaysNewVersion: true);
        return saved.Succeeded ? (await FindAsync(id, ct))! : saved.Refusal;
    }

    /// <summary>Checks the review's fields and copies them on when valid; the titles of escalations to open.</summary>
    private List<string> Apply(
        AccountReview review, DateOnly? scheduledOn, DateOnly? heldOn, string? healthText, string? notes, IReadOnlyList<string>? openEscalations,
        ValidationErrors errors)
    {
        var today = Today;
        if (scheduledOn is null)
        {
            errors.Add("scheduledOn", "scheduledOn is required: the day the review is (or was) planned for.");
        }
        else if (scheduledOn > today.AddYears(MaxYearsAhead))
        {
            errors.Add("scheduledOn", $"scheduledOn must be within {MaxYearsAhead} years from today.");
        }
        if (heldOn > today)
        {
            errors.Add("heldOn", "heldOn cannot be in the future: record a review once it is held.");
        }
        var health = EnumText.Optional<DeliveryHealth>(healthText, "health", errors);
        var healthGiven = !string.IsNullOrWhiteSpace(healthText);
        if (heldOn is not null && !healthGiven)
        {
            errors.Add("health", $"health is required for a held review: {EnumText.Names<DeliveryHealth>()}.");
        }
        else if (heldOn is null && healthGiven)
        {
            errors.Add("heldOn", "heldOn is required with a health: a review finds the health when it is held.");
        }
        errors.MaxLength("notes", notes, AccountReview.NotesMaxLength);
        var titles = (openEscalations ?? []).Select(t => t?.Trim() ?? "").ToList();
        if (titles.Any(t => t.Length == 0 || t.Length > Escalation.TitleMaxLength))
        {
            errors.Add("openEscalations", $"Each escalation needs a title of 1 to {Escalation.TitleMaxLength} characters.");
        }
        else if (titles.Count > 0 && heldOn is null)
        {
            errors.Add("openEscalations", "Escalations are raised at a held review: give heldOn too.");
        }
        if (!errors.IsEmpty)
        {
            return [];
        }
        review.ScheduledOn = scheduledOn!.Value;
        review.HeldOn = heldOn;
        review.Health = health;
        review.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        return titles;
    }

    private void Open(AccountReview review, List<string> titles)
    {
        foreach (var title in titles.Distinct(StringComparer.Ordinal))
        {
            db.Add(new Escalation { AccountId = review.AccountId, ReviewId = review.Id, Title = title, OpenedOn = review.HeldOn!.Value });
        }
    }

    private static IQueryable<EscalationResponse> Escalations(IQueryable<Escalation> escalations) =>
        escalations.AsNoTracking().OrderBy(e => e.OpenedOn).ThenBy(e => e.Id)
            .Select(e => new EscalationResponse(e.Id, e.ReviewId, e.Title, e.OpenedOn, e.ClosedOn));

    private IQueryable<AccountReviewSummary> Summaries(IQueryable<AccountReview> reviews) =>
        reviews.Select(r => new AccountReviewSummary(
            r.Id, r.AccountId, r.Account!.Name, r.ScheduledOn, r.HeldOn,
            r.Health == DeliveryHealth.Green ? nameof(DeliveryHealth.Green) : r.Health == DeliveryHealth.Amber ? nameof(DeliveryHealth.Amber)
                : r.Health == DeliveryHealth.Red ? nameof(DeliveryHealth.Red) : null,
            db.Set<Escalation>().Count(e => e.ReviewId == r.Id)));
}
