using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Engagements;
using Vouch.Features.Requests;
using Vouch.Features.Reviews;
using Vouch.Web;

namespace Vouch.Features.Defences;

/// <summary>
/// Logging public attacks and the customers who answered them: one set of rules for the API and the pages. A defender
/// is marked <c>IsDefender</c> and their answer is a completed ask of activity brand-defence in the ledger, so their
/// rest period and limits see it. The answer was spontaneous: when the ask rules would have refused it (a rest period,
/// a full quarter), it is written all the same, because it already happened and the ledger records what did.
/// </summary>
public sealed class DefenceLog(VouchDbContext db, AdvocateAsks asks, Ledger ledger, TimeProvider clock)
{
    public const string ActivityKey = "brand-defence";

    public static readonly Refusal DefenceNotFound = Refusal.NotFound("The defence");

    public async Task<Paged<DefenceSummary>> ListAsync(PageQuery page, CancellationToken ct)
    {
        var defences = db.Set<Defence>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            var text = page.Q.Trim().ToLowerInvariant();
            defences = defences.Where(d => d.Topic.ToLower().Contains(text) || d.Where.ToLower().Contains(text));
        }
        var total = await defences.CountAsync(ct);
        var items = await defences.OrderByDescending(d => d.OccurredOn).ThenByDescending(d => d.Id).Skip(page.Skip).Take(page.Size)
            .Select(d => new DefenceSummary(d.Id, d.Where, d.Url, d.OccurredOn, d.Topic, d.Severity.ToString(),
                db.Set<DefenceResponse>().Count(r => r.DefenceId == d.Id)))
            .ToListAsync(ct);
        return new(items, total, page.PageNumber, page.Size);
    }

    public async Task<DefenceDetails?> FindAsync(Guid id, CancellationToken ct)
    {
        var d = await db.Set<Defence>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (d is null)
        {
            return null;
        }
        var defenders = await Defenders(db.Set<DefenceResponse>().Where(r => r.DefenceId == id)).ToListAsync(ct);
        return new(d.Id, d.Where, d.Url, d.OccurredOn, d.Topic, d.Severity.ToString(), d.Summary, d.LoggedBy, d.LoggedAt, defenders);
    }

    /// <summary>The defences a contact answered, latest first: the history behind their mark.</summary>
    public async Task<IReadOnlyList<DefendedResponse>> DefendedByAsync(Guid contactId, CancellationToken ct) =>
        await db.Set<DefenceResponse>().AsNoTracking().Where(r => r.ContactId == contactId)
            .OrderByDescending(r => r.AnsweredOn).ThenByDescending(r => r.Id)
            .Select(r => new DefendedResponse(r.DefenceId, r.Defence!.Where, r.Defence.Topic, r.Defence.Severity.ToString(), r.AnsweredOn, r.AnswerUrl))
            .ToListAsync(ct);

    public async Task<CommandResult<DefenceDetails>> LogAsync(DefenceInput input, string by, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("where", input.Where, Defence.WhereMaxLength);
        var url = WebLink.Check(errors, "url", input.Url, required: false, "https://forum.example.com/t/123");
        if (input.OccurredOn is not { } on)
        {
            errors.Add("occurredOn", "occurredOn is required: the day it appeared.");
        }
        else if (on > ledger.Today)
        {
            errors.Add("occurredOn", "occurredOn cannot be in the future.");
        }
        errors.Required("topic", input.Topic, Defence.TopicMaxLength);
        Severity? severity = null;
        if (string.IsNullOrWhiteSpace(input.Severity))
        {
            errors.Add("severity", $"severity is required: one of {EnumText.Names<Severity>()}.");
        }
        else
        {
            severity = EnumText.Optional<Severity>(input.Severity, "severity", errors);
        }
        errors.MaxLength("summary", input.Summary, Defence.SummaryMaxLength);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var defence = new Defence
        {
            Where = input.Where!.Trim(), Url = url, OccurredOn = input.OccurredOn!.Value, Topic = input.Topic!.Trim(), Severity = severity!.Value,
            Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim(), LoggedBy = by, LoggedAt = clock.GetUtcNow(),
        };
        db.Add(defence);
        await db.SaveChangesAsync(ct);
        return (await FindAsync(defence.Id, ct))!;
    }

    /// <summary>Records a customer who answered: they are marked a defender and the answer is a completed ask in their ledger.</summary>
    public async Task<CommandResult<DefenderResponse>> AddDefenderAsync(Guid defenceId, DefenderInput input, CancellationToken ct)
    {
        var defence = await db.Set<Defence>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == defenceId, ct);
        if (defence is null)
        {
            return DefenceNotFound;
        }
        var errors = new ValidationErrors();
        var answerUrl = WebLink.Check(errors, "answerUrl", input.AnswerUrl, required: false, "https://forum.example.com/t/123#reply-4");
        var answeredOn = input.AnsweredOn ?? ledger.Today;
        if (answeredOn > ledger.Today)
        {
            errors.Add("answeredOn", "answeredOn cannot be in the future: record an answer once it is given.");
        }
        else if (answeredOn < defence.OccurredOn)
        {
            errors.Add("answeredOn", $"answeredOn cannot be before the attack appeared, on {defence.OccurredOn:yyyy-MM-dd}.");
        }
        if (input.ContactId is not { } contactId)
        {
            errors.Add("contactId", "contactId is required: the customer who answered.");
            return Refusal.Invalid(errors);
        }
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            errors.Add("contactId", $"No contact has the id {contactId}.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (await db.Set<DefenceResponse>().AnyAsync(r => r.DefenceId == defenceId && r.ContactId == contactId, ct))
        {
            return Refusal.Conflict($"{contact!.FullName} is a defender of this one already.", "A customer answers an attack once.");
        }

        var at = new DateTimeOffset(answeredOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // They answered unasked; the rules that keep us from asking do not undo what they did.
        var engagementId = (await asks.RecordUnaskedAsync(contactId, contact!.AccountId, ActivityKey, at, $"Defended us on {defence.Where}: {defence.Topic}", ct)).Id;
        contact!.IsDefender = true;
        var response = new DefenceResponse
        {
            DefenceId = defenceId, ContactId = contactId, AnsweredOn = answeredOn, AnswerUrl = answerUrl, EngagementId = engagementId,
            RecordedAt = clock.GetUtcNow(),
        };
        db.Add(response);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index, or the contact changed meanwhile: someone recorded them at the same time.
            db.ChangeTracker.Clear();
            return Refusal.Conflict($"{contact.FullName} could not be recorded now.", "Someone changed them at the same time; read the defence again.");
        }
        return await Defenders(db.Set<DefenceResponse>().Where(r => r.Id == response.Id)).SingleAsync(ct);
    }

    private static IQueryable<DefenderResponse> Defenders(IQueryable<DefenceResponse> responses) => responses.AsNoTracking()
        .OrderBy(r => r.AnsweredOn).ThenBy(r => r.Id)
        .Select(r => new DefenderResponse(r.Id, r.ContactId, r.Contact!.FirstName + " " + r.Contact.LastName, r.Contact.Account!.Name,
            r.AnsweredOn, r.AnswerUrl, r.EngagementId));
}
