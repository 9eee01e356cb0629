using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Matching;

namespace Vouch.Features.Requests;

/// <summary>Reads contacts, accounts and the ledger into the matching engine's plain records.</summary>
public sealed class CandidatePool(VouchDbContext db)
{
    /// <summary>The ledger is read this far back: longer than any rest period, long enough for ratings to mean something.</summary>
    public const int LedgerYears = 2;

    internal static MatchCriteria CriteriaOf(ReferenceRequest request) => new(
        ActivityOf(request.ActivityType!),
        request.NeededBy,
        request.IndustryId,
        [.. request.Products.Select(p => p.Id)],
        request.Region,
        request.CountryCode,
        request.Employees,
        request.Competitor,
        request.UseCase);

    internal static MatchActivity ActivityOf(ActivityTypes.ActivityType type) =>
        new(type.Id, type.Key, type.Name.ToLowerInvariant(), type.RestPeriodDays, type.SocialCapitalOffered);

    public async Task<(Contact Contact, MatchCandidate Candidate)?> ContactAsync(Guid contactId, CancellationToken ct) =>
        Candidates(await Load(db.Contacts.Where(c => c.Id == contactId)).ToListAsync(ct)).Cast<(Contact, MatchCandidate)?>().SingleOrDefault();

    /// <summary>
    /// Every ask of these contacts since <see cref="LedgerYears"/> ago, and every ask of their accounts this quarter:
    /// all that the rules and the score read.
    /// </summary>
    public async Task<List<PastAsk>> LedgerAsync(IReadOnlyCollection<MatchCandidate> candidates, DateOnly today, CancellationToken ct)
    {
        var since = AtStartOf(today.AddYears(-LedgerYears));
        var quarterStarted = AtStartOf(new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1));
        var contactIds = candidates.Select(c => c.ContactId).ToList();
        var accountIds = candidates.Select(c => c.Account.Id).Distinct().ToList();
        // SQLite plans the OR as a multi-index OR over the contact and the account index. Only the columns the rules
        // read are read.
        var asks = await db.Engagements.AsNoTracking()
            .Where(e => e.Kind == EngagementKind.Ask
                && ((EF.Parameter(contactIds).Contains(e.ContactId) && e.At >= since) || (EF.Parameter(accountIds).Contains(e.AccountId) && e.At >= quarterStarted)))
            .Select(e => new { e.ContactId, e.AccountId, e.At, e.Status, e.Rating, e.ActivityType!.RestPeriodDays })
            .ToListAsync(ct);
        return [.. asks.Select(a => Engagement.PastAskOf(a.ContactId, a.AccountId, a.At, a.Status, a.RestPeriodDays, a.Rating))];
    }

    private static DateTimeOffset AtStartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private IQueryable<Contact> Load(IQueryable<Contact> contacts) => contacts.AsNoTracking().AsSplitQuery()
        .Include(c => c.Account!).ThenInclude(a => a.Products)
        .Include(c => c.AgreedActivities)
        .Include(c => c.Blackouts);

    private static List<(Contact, MatchCandidate)> Candidates(List<Contact> contacts) =>
        [.. contacts.Where(c => c.Account is not null).Select(c => (c, new MatchCandidate(
            c.Id,
            new CandidateAccount(c.AccountId, c.Account!.IndustryId, [.. c.Account.Products.Select(p => p.Id)], c.Account.Region,
                c.Account.CountryCode, c.Account.Employees, c.Account.CompetitorsReplaced, c.Account.ContractDate),
            c.Consent,
            c.ConsentExpiresOn,
            [.. c.AgreedActivities.Select(a => a.Id)],
            c.MaxAsksPerQuarter,
            [.. c.Blackouts.Select(b => new BlackoutDates(b.Starts, b.Ends))],
            c.SocialCapitalWanted,
            Contact.StoryOf(c.UseCase, c.Results, c.Quotes)))
        )];
}
