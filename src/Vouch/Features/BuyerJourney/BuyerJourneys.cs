using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Opportunities;

namespace Vouch.Features.BuyerJourney;

/// <summary>What influenced the buyer, as a seller or the reference team records it; influences and stage by name.</summary>
public sealed record BuyerJourneyBody(IReadOnlyList<string>? Influences, string? MatteredMost, string? Stage, string? Note);

public sealed record BuyerJourneyResponse(
    Guid OpportunityId, string Opportunity, bool Won, decimal Amount, IReadOnlyList<string> Influences, string MatteredMost, string Stage,
    string? Note, DateTimeOffset AnsweredAt);

/// <summary>
/// Records the buyer-journey answer of a closed deal, once, by those who may close it (its seller, the reference team),
/// and reads answers and the report. A deal someone may not see is not there for them.
/// </summary>
public sealed class BuyerJourneys(VouchDbContext db, CurrentUser user, TimeProvider clock)
{
    private static readonly Refusal s_notFound = Refusal.NotFound("The opportunity");

    public async Task<CommandResult<BuyerJourneyResponse>> AnswerAsync(Guid opportunityId, BuyerJourneyBody body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var answer = Validate(body, errors);
        var access = await OpportunityAccess.OfAsync(user);
        var deal = await access.Visible(db.Opportunities.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == opportunityId, ct);
        if (deal is null)
        {
            return s_notFound;
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (!access.MayClose(deal))
        {
            return Refusal.Forbidden("You may not answer for this deal.", "The seller who owns it or the reference team records what influenced its buyer.");
        }
        if (!deal.IsClosed)
        {
            return Refusal.Conflict("The deal is still open.", "Record what influenced the buyer once the deal is won or lost.");
        }
        if (await db.Set<BuyerJourneyAnswer>().Where(a => a.OpportunityId == opportunityId).Select(a => (DateTimeOffset?)a.AnsweredAt).SingleOrDefaultAsync(ct) is { } at)
        {
            return AlreadyAnswered(at);
        }
        answer.OpportunityId = opportunityId;
        answer.AnsweredAt = clock.GetUtcNow();
        answer.AnsweredById = user.Id;
        db.Add(answer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone answered for the deal at the same moment; the unique index kept theirs.
            return AlreadyAnswered(answer.AnsweredAt);
        }
        return (await FindAsync(opportunityId, ct))!;
    }

    public async Task<BuyerJourneyResponse?> FindAsync(Guid opportunityId, CancellationToken ct)
    {
        var access = await OpportunityAccess.OfAsync(user);
        var visible = access.Visible(db.Opportunities);
        var row = await db.Set<BuyerJourneyAnswer>().AsNoTracking()
            .Where(a => a.OpportunityId == opportunityId && visible.Any(o => o.Id == a.OpportunityId))
            .Select(a => new { a.OpportunityId, a.Opportunity!.Name, a.Opportunity.IsWon, a.Opportunity.Amount, a.Influences, a.MatteredMost, a.Stage, a.Note, a.AnsweredAt })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new BuyerJourneyResponse(row.OpportunityId, row.Name, row.IsWon, row.Amount,
            [.. row.Influences.Select(i => i.ToString())], row.MatteredMost.ToString(), row.Stage.ToString(), row.Note, row.AnsweredAt);
    }

    /// <summary>The report over every answered closed deal.</summary>
    public async Task<BuyerJourneyReport> ReportAsync(CancellationToken ct)
    {
        var answered = await db.Set<BuyerJourneyAnswer>().AsNoTracking().Where(a => a.Opportunity!.IsClosed)
            .Select(a => new { a.Opportunity!.Amount, a.Opportunity.IsWon, a.MatteredMost, a.Influences, a.Stage })
            .ToListAsync(ct);
        return BuyerJourneyReport.Of([.. answered.Select(a => new AnsweredDeal(a.Amount, a.IsWon, a.MatteredMost, a.Influences, a.Stage))]);
    }

    /// <summary>The answer the body gives, with what is wrong with it in <paramref name="errors"/>.</summary>
    public static BuyerJourneyAnswer Validate(BuyerJourneyBody body, ValidationErrors errors)
    {
        var influences = new List<Influence>();
        if (body.Influences is not { Count: > 0 })
        {
            errors.Add("influences", $"influences is required: what influenced the buyer, one or more of {EnumText.Names<Influence>()}.");
        }
        else
        {
            foreach (var (text, i) in body.Influences.Select((t, i) => (t, i)))
            {
                if (EnumText.TryParse<Influence>(text, out var influence))
                {
                    influences.Add(influence);
                }
                else
                {
                    errors.Add($"influences[{i}]", $"'{text}' is not an influence: {EnumText.MustBeOneOf<Influence>("each influence")}");
                }
            }
        }
        Influence most = default;
        if (string.IsNullOrWhiteSpace(body.MatteredMost))
        {
            errors.Add("matteredMost", "matteredMost is required: the one influence that mattered most.");
        }
        else if (!EnumText.TryParse(body.MatteredMost, out most))
        {
            errors.Add("matteredMost", EnumText.MustBeOneOf<Influence>("matteredMost"));
        }
        else if (body.Influences is { Count: > 0 } && !influences.Contains(most))
        {
            errors.Add("matteredMost", $"matteredMost must be one of the influences given; {most} is not among them.");
        }
        JourneyStage stage = default;
        if (string.IsNullOrWhiteSpace(body.Stage))
        {
            errors.Add("stage", $"stage is required: where in the journey it mattered, one of {EnumText.Names<JourneyStage>()}.");
        }
        else if (!EnumText.TryParse(body.Stage, out stage))
        {
            errors.Add("stage", EnumText.MustBeOneOf<JourneyStage>("stage"));
        }
        errors.MaxLength("note", body.Note, BuyerJourneyAnswer.NoteMaxLength);
        return new BuyerJourneyAnswer
        {
            Influences = [.. influences.Distinct().Order()],
            MatteredMost = most,
            Stage = stage,
            Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(),
        };
    }

    private static Refusal AlreadyAnswered(DateTimeOffset at) =>
        Refusal.Conflict("The deal's buyer journey is already recorded.", $"It was answered on {at:d MMM yyyy}; a deal has one answer.");
}
